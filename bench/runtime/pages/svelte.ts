import { watchClient } from './probe'
import { writable } from 'svelte/store'
import { createWidgent } from '@widgent/svelte'
import { exposeBench, initialUser } from './exposeBench'
import { pageParams } from './pageParams'

const auth = writable(initialUser())
exposeBench({ signIn: (user) => auth.set(user), signOut: () => auth.set(null) })

// `n` components, without a compiler: what each would do in its script, `$state` (a subscription rendering the
// identity) and `onMount(() => bindIdentity(auth))`.
const root = document.getElementById('root')!
const texts = Array.from({ length: pageParams.components }, () => root.appendChild(document.createElement('i')))
performance.mark('kit-start')
const widgent = createWidgent(pageParams.options)
for (const [i, text] of texts.entries()) {
  widgent.state.subscribe((state) => (text.textContent = state.identity))
  if (!i) {
    performance.mark('kit-end')
    watchClient(widgent.client)
  }
  widgent.bindIdentity(auth)
}
