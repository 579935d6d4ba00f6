import { launcherMode } from '@widgent/playground-shared'

// The playground's Eager / Facade switch: with ?launcher=facade this request's client gets load: 'interaction'. An
// app picks once, with `widgent: { load: 'interaction' }` in nuxt.config; here each page load picks, so this runs
// first ('pre') and sets the runtime config the module's plugin reads (a copy per request on the server, the page's
// own in the browser).
export default defineNuxtPlugin({
  name: 'playground-launcher-mode',
  enforce: 'pre',
  setup() {
    if (launcherMode(useRequestURL().search) == 'facade')
      Object.assign(useRuntimeConfig().public.widgent, { load: 'interaction' })
  },
})
