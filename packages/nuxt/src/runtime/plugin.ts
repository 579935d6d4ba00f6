import { defineNuxtPlugin, useRuntimeConfig } from '#app'
import { WidgentPlugin, type WidgentOptions } from '@widgent/vue'

/** On the server and in the browser: `WidgentPlugin` with `runtimeConfig.public.widgent`, less its unset (empty) values. */
export default defineNuxtPlugin({
  name: 'widgent',
  setup(nuxtApp) {
    const options = Object.entries(useRuntimeConfig().public.widgent as Record<string, unknown>).filter(
      ([, value]) => value !== '',
    )
    nuxtApp.vueApp.use(WidgentPlugin, Object.fromEntries(options) as unknown as WidgentOptions)
  },
})
