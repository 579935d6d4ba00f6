import type { WidgentOptions } from '@widgent/core'

declare global {
  interface Window {
    /** Set by the page's HTML (see benchPage.ts): where the emulator serves the widget. */
    benchConfig: { scriptUrl: string }
  }
}

const search = new URLSearchParams(location.search)

// `?alone`: the kit as it was before tabs shared tokens, with nothing to share through (no channel between tabs,
// no Web Locks): each tab and each page load asks its own token route.
if (search.has('alone')) {
  Object.defineProperty(window, 'BroadcastChannel', { value: undefined })
  Object.defineProperty(navigator, 'locks', { value: undefined })
}

/**
 * What every bench page of ours shares: the emulator's demo product, the bench server's token route, `?n=`
 * components; `?load=` and `?tokenStorage=` set those options.
 */
export const pageParams = {
  options: {
    productId: 'demo-product',
    serviceKey: 'demo-service-key',
    tokenEndpoint: '/api/widgent-token',
    scriptUrl: window.benchConfig.scriptUrl,
    load: (search.get('load') ?? undefined) as WidgentOptions['load'],
    tokenStorage: (search.get('tokenStorage') ?? undefined) as WidgentOptions['tokenStorage'],
  },
  components: Number(search.get('n') ?? 1),
}
