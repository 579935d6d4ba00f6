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
  /** What the user's bundle has without this import: the entry weighs only what `code` adds to it. */
  baseline?: string
  /** How the README's tables name it (markdown): the budgets table for ours, the comparison for a peer. */
  readme?: string
  /** A peer: the entries of ours a user would pick instead, summed, and how the README names them. */
  versus?: { entries: string[]; readme: string }
  /** An Angular package: built as `ng build` builds it into an app (see `angularBuild.ts`), Angular in the app. */
  angular?: boolean
}

const react = ['react', 'react-dom', 'react/jsx-runtime']
// Each binding without its launcher facade, which its own entries weigh (what it adds to the binding and the core).
const bindings = {
  react: `export { WidgentProvider, useWidgent, useWidgentIdentity } from '@widgent/react'`,
  vue: `export { WidgentPlugin, WidgentKey, useWidgent, useWidgentIdentity } from '@widgent/vue'`,
  svelte: `export { createWidgent, getWidgentContext, setWidgentContext } from '@widgent/svelte'`,
  angular: `export { provideWidgent, injectWidgent, injectWidgentIdentity } from '@widgent/angular'`,
}

export const entries: Entry[] = [
  // Issue 20's goal was 3,000 B; the rules since (clock, quiet cross-tab sign-out, tokens shared by tabs and page
  // loads, joining a widget already on the page) and no function over 80 lines (the client split into parts over one
  // record, +124 B) hold them all, less the `storage` fallback no baseline browser needs (README "Size" itemises
  // them). The target stays until the core meets it.
  {
    name: '@widgent/core createWidgent',
    code: `export { createWidgent } from '@widgent/core'`,
    external: [],
    budget: 4370,
    target: 3000,
    readme: "`import { createWidgent } from '@widgent/core'`",
  },
  { name: '@widgent/core loadWidgent', code: `export { loadWidgent } from '@widgent/core'`, external: [] },
  {
    name: '@widgent/react (core external)',
    code: bindings.react,
    external: [...react, '@widgent/core'],
    budget: 500,
    readme: '`@widgent/react` on top of the core',
  },
  // The Next.js entry with the binding it builds on: the provider, configureWidgent and the hooks it re-exports (the
  // launcher facade it re-exports too is weighed below).
  {
    name: '@widgent/react/next (core external)',
    code: `export { WidgentProvider, configureWidgent, useWidgent, useWidgentIdentity } from '@widgent/react/next'`,
    external: [...react, '@widgent/core'],
    budget: 800,
    readme: '`@widgent/react/next` (with `@widgent/react`) on top of the core',
  },
  // With the core external, the import lines of the launcher facade stay in the bundle even when the app never uses it
  // (about 50 B: esbuild keeps imports from external modules); bundled with the core, as apps build, they go.
  {
    name: '@widgent/vue (core external)',
    code: bindings.vue,
    external: ['vue', '@widgent/core'],
    budget: 560,
    readme: '`@widgent/vue` on top of the core',
  },
  {
    name: '@widgent/svelte (core external)',
    code: bindings.svelte,
    external: ['svelte', 'svelte/store', '@widgent/core'],
    budget: 500,
    readme: '`@widgent/svelte` on top of the core',
  },
  {
    name: '@widgent/angular (core external)',
    code: bindings.angular,
    external: ['@widgent/core'],
    budget: 500,
    angular: true,
    readme: '`@widgent/angular` on top of the core (built as `ng build` builds it: see below)',
  },
  {
    name: '@widgent/react + core',
    code: bindings.react,
    external: react,
    budget: 4597,
    target: 3300,
    readme: '`@widgent/react` with the core',
  },
  { name: '@widgent/vue + core', code: bindings.vue, external: ['vue'] },
  { name: '@widgent/svelte + core', code: bindings.svelte, external: ['svelte', 'svelte/store'] },
  { name: '@widgent/angular + core', code: bindings.angular, external: [], angular: true },
  // The launcher facade: what it adds to an app that already has the binding and the core.
  {
    name: '@widgent/react WidgentLauncher (facade)',
    code: `${bindings.react}; export { WidgentLauncher } from '@widgent/react'`,
    baseline: bindings.react,
    external: react,
    budget: 1000,
    readme: 'the launcher facade, on top of its binding and the core: React `<WidgentLauncher>`',
  },
  {
    name: '@widgent/vue WidgentLauncher (facade)',
    code: `${bindings.vue}; export { WidgentLauncher } from '@widgent/vue'`,
    baseline: bindings.vue,
    external: ['vue'],
    budget: 1000,
    readme: 'Vue `<WidgentLauncher>`',
  },
  {
    name: '@widgent/svelte widgentLauncher (facade)',
    code: `${bindings.svelte}; export { widgentLauncher } from '@widgent/svelte'`,
    baseline: bindings.svelte,
    external: ['svelte', 'svelte/store'],
    budget: 1000,
    readme: 'Svelte `use:widgentLauncher`',
  },
  {
    name: '@widgent/angular <widgent-launcher> (facade)',
    code: `${bindings.angular}; export { WidgentLauncher } from '@widgent/angular'`,
    baseline: bindings.angular,
    external: [],
    budget: 1250,
    angular: true,
    readme: 'Angular `<widgent-launcher>`',
  },
  {
    name: '@widgent/core/launcher mountLauncher (facade)',
    code: `export { createWidgent } from '@widgent/core'; export { mountLauncher } from '@widgent/core/launcher'`,
    baseline: `export { createWidgent } from '@widgent/core'`,
    external: [],
    budget: 1000,
    readme: 'plain pages, `mountLauncher` from `@widgent/core/launcher`',
  },
  {
    name: '@stripe/stripe-js loadStripe',
    code: `export { loadStripe } from '@stripe/stripe-js'`,
    external: [],
    peer: true,
    readme: '`@stripe/stripe-js` `loadStripe` (a loader only)',
    versus: { entries: ['@widgent/core createWidgent'], readme: '`@widgent/core`' },
  },
  {
    name: '@paypal/paypal-js loadScript',
    code: `export { loadScript } from '@paypal/paypal-js'`,
    external: [],
    peer: true,
    readme: '`@paypal/paypal-js` `loadScript` (a loader only)',
    versus: { entries: ['@widgent/core createWidgent'], readme: '`@widgent/core`' },
  },
  {
    name: '@intercom/messenger-js-sdk',
    code: `export { default } from '@intercom/messenger-js-sdk'`,
    external: [],
    peer: true,
    readme: '`@intercom/messenger-js-sdk`',
    versus: { entries: ['@widgent/core createWidgent'], readme: '`@widgent/core`' },
  },
  {
    name: 'react-use-intercom',
    code: `export * from 'react-use-intercom'`,
    external: react,
    peer: true,
    readme: '`react-use-intercom`',
    versus: { entries: ['@widgent/react + core'], readme: '`@widgent/react` + core' },
  },
  {
    name: '@livechat/widget-core',
    code: `export * from '@livechat/widget-core'`,
    external: [],
    peer: true,
    readme: '`@livechat/widget-core`',
    versus: { entries: ['@widgent/core createWidgent'], readme: '`@widgent/core`' },
  },
  {
    name: '@livechat/widget-react',
    code: `export * from '@livechat/widget-react'`,
    external: react,
    peer: true,
    readme: '`@livechat/widget-react`',
    versus: { entries: ['@widgent/react + core'], readme: '`@widgent/react` + core' },
  },
  {
    name: 'react-live-chat-loader (provider + one facade)',
    code: `export { LiveChatLoaderProvider, Intercom } from 'react-live-chat-loader'`,
    external: react,
    peer: true,
    readme: '`react-live-chat-loader` (its provider and one facade, no identity)',
    versus: {
      entries: ['@widgent/react + core', '@widgent/react WidgentLauncher (facade)'],
      readme: '`@widgent/react` + core + `<WidgentLauncher>`',
    },
  },
  {
    name: '@livechat/widget-vue',
    code: `export * from '@livechat/widget-vue'`,
    external: ['vue'],
    peer: true,
    readme: '`@livechat/widget-vue`',
    versus: { entries: ['@widgent/vue + core'], readme: '`@widgent/vue` + core' },
  },
]
