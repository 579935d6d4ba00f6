declare global {
  interface Window {
    /** Set by the page's HTML (see benchPage.ts): where the emulator serves the widget. */
    benchConfig: { scriptUrl: string }
  }
}

/** What every bench page of ours shares: the emulator's demo product, the bench server's token route, `?n=` components. */
export const pageParams = {
  options: {
    productId: 'demo-product',
    serviceKey: 'demo-service-key',
    tokenEndpoint: '/api/widgent-token',
    scriptUrl: window.benchConfig.scriptUrl,
  },
  components: Number(new URLSearchParams(location.search).get('n') ?? 1),
}
