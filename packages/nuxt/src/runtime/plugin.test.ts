// @vitest-environment jsdom
import { createWidgent, DEFAULT_SCRIPT_URL } from '@widgent/core'
import { useWidgent } from '@widgent/vue'
import { expect, it } from 'vitest'
import { createApp } from 'vue'
import { setRuntimeConfig } from '../test/virtualModules'
import plugin from './plugin'

const run = (widgent: object) => {
  setRuntimeConfig({ public: { widgent } })
  const vueApp = createApp({ render: () => null })
  ;(plugin as unknown as { setup(nuxtApp: { vueApp: typeof vueApp }): void }).setup({ vueApp })
  vueApp.mount(document.createElement('div'))
  return vueApp
}

it("installs WidgentPlugin with runtimeConfig.public.widgent, leaving out what is unset (''), so the kit's defaults apply", () => {
  const app = run({
    productId: 'nuxt-plugin',
    serviceKey: 'key',
    scriptUrl: '',
    tokenEndpoint: '/api/widgent-token',
    loadTimeoutMs: 5000,
    load: 'eager',
  })
  expect(app.runWithContext(() => useWidgent().client)).toBe(
    createWidgent({ productId: 'nuxt-plugin', serviceKey: 'key' }),
  )
  // No scriptUrl: the kit's default widget script (jsdom fetches nothing).
  expect([...document.scripts].map((script) => script.src)).toEqual([DEFAULT_SCRIPT_URL])
  app.unmount()
})

it('refuses a verificationSecret that found its way into the public runtime config', () => {
  expect(() => run({ productId: 'p', serviceKey: 'k', verificationSecret: 'shh' })).toThrow(
    /verificationSecret belongs on your server/,
  )
})

it('says what is missing when the product is not set', () => {
  expect(() => run({ productId: '', serviceKey: '', scriptUrl: '', tokenEndpoint: '/api/widgent-token' })).toThrow(
    /productId and serviceKey are required/,
  )
})
