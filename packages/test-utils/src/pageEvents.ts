/** What a browser fires when the network comes back. */
export const goOnline = (): boolean => window.dispatchEvent(new Event('online'))

/** What a browser fires when the page is seen again (jsdom's document is always visible). */
export const showPage = (): boolean => document.dispatchEvent(new Event('visibilitychange'))

/** What a browser fires when it restores the page from the back/forward cache. */
export const restoreFromCache = (): boolean =>
  window.dispatchEvent(Object.assign(new Event('pageshow'), { persisted: true }))
