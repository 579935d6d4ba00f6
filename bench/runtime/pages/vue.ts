import { watchClient } from './probe'
import { createApp, defineComponent, h, shallowRef } from 'vue'
import { createWidgent } from '@widgent/core'
import { WidgentPlugin, useWidgentIdentity } from '@widgent/vue'
import { exposeBench, initialUser } from './exposeBench'
import { pageParams } from './pageParams'

const auth = shallowRef(initialUser())

// `n` components each telling the kit who is signed in through a getter, rendering the identity.
const Identity = defineComponent(() => {
  const state = useWidgentIdentity(() => auth.value && { id: auth.value.id, name: auth.value.name })
  return () => h('i', state.value.identity)
})

// The plugin's client (one per product id), watched without subscribing to it, before the Identity components
// run, so their first setUser is seen.
const Watch = defineComponent(() => {
  watchClient(createWidgent(pageParams.options))
  return () => null
})

exposeBench({ signIn: (user) => (auth.value = user), signOut: () => (auth.value = null) })
// The plugin mounts the client on install: the start-up marks go around it.
performance.mark('kit-start')
const app = createApp({
  render: () => [h(Watch), ...Array.from({ length: pageParams.components }, () => h(Identity))],
}).use(WidgentPlugin, pageParams.options)
performance.mark('kit-end')
app.mount('#root')
