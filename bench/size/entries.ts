/**
 * What a user's bundle pulls in for each public import, ours and the peers' a user would pick instead.
 * `external`: what the user's app has anyway (the framework; and the core, for the bindings' own cost).
 */
export interface Entry {
  name: string
  code: string
  external: string[]
  /** min+gz bytes we promise; over it, `npm test` fails. */
  budget?: number
  /** The target, where the budget had to differ from it (README "Size" says why). */
  target?: number
  peer?: boolean
}

const react = ['react', 'react-dom', 'react/jsx-runtime']

export const entries: Entry[] = [
  // Every identity rule costs bytes; 1,900 B could not hold them all (README "Size" itemises the cost).
  { name: '@widgent/core createWidgent', code: `export { createWidgent } from '@widgent/core'`, external: [], budget: 3450, target: 1900 },
  { name: '@widgent/core loadWidgent', code: `export { loadWidgent } from '@widgent/core'`, external: [] },
  { name: '@widgent/react (core external)', code: `export * from '@widgent/react'`, external: [...react, '@widgent/core'], budget: 500 },
  // The Next.js entry with the binding it builds on: the provider, configureWidgent and the hooks it re-exports.
  { name: '@widgent/react/next (core external)', code: `export * from '@widgent/react/next'`, external: [...react, '@widgent/core'], budget: 800 },
  { name: '@widgent/vue (core external)', code: `export * from '@widgent/vue'`, external: ['vue', '@widgent/core'], budget: 500 },
  { name: '@widgent/svelte (core external)', code: `export * from '@widgent/svelte'`, external: ['svelte', 'svelte/store', '@widgent/core'], budget: 500 },
  { name: '@widgent/react + core', code: `export * from '@widgent/react'`, external: react, budget: 3750, target: 2300 },
  { name: '@widgent/vue + core', code: `export * from '@widgent/vue'`, external: ['vue'] },
  { name: '@widgent/svelte + core', code: `export * from '@widgent/svelte'`, external: ['svelte', 'svelte/store'] },
  { name: '@stripe/stripe-js loadStripe', code: `export { loadStripe } from '@stripe/stripe-js'`, external: [], peer: true },
  { name: '@paypal/paypal-js loadScript', code: `export { loadScript } from '@paypal/paypal-js'`, external: [], peer: true },
  { name: '@intercom/messenger-js-sdk', code: `export { default } from '@intercom/messenger-js-sdk'`, external: [], peer: true },
  { name: 'react-use-intercom', code: `export * from 'react-use-intercom'`, external: react, peer: true },
  { name: '@livechat/widget-core', code: `export * from '@livechat/widget-core'`, external: [], peer: true },
  { name: '@livechat/widget-react', code: `export * from '@livechat/widget-react'`, external: react, peer: true },
  { name: '@livechat/widget-vue', code: `export * from '@livechat/widget-vue'`, external: ['vue'], peer: true },
]
