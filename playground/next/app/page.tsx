import { App } from './App'
import { sessionUser } from './session'

export default async function Page() {
  return <App user={await sessionUser()} />
}
