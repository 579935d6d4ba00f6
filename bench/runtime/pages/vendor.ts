// The vendor's hand-written snippet (benchPage.ts puts it in the HTML, after the widget's script tag): the page has
// no kit, so signing in and out only changes the session cookie the token route reads.
import './probe'
import { exposeBench } from './exposeBench'

exposeBench({ signIn() {}, signOut() {} })
