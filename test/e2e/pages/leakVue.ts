import { createApp, defineComponent, h } from 'vue'
import { WidgentPlugin, useWidgentIdentity } from '@widgent/vue'
import { ada, exposeCycles, options } from './leakHarness'

const Identity = defineComponent(() => {
  const state = useWidgentIdentity(ada)
  return () => h('p', state.value.identity)
})

exposeCycles(() => {
  const app = createApp({ render: () => [h(Identity), h(Identity)] })
  app.use(WidgentPlugin, options)
  app.mount('#root')
  return () => app.unmount()
})
