export interface PageEvents {
  /** The browser is back online. */
  _online(): void
  /** The page is visible again (a tab switched back to, a laptop woken). */
  _visible(): void
  /** The page came back from the back/forward cache. */
  _restored(): void
  /** The widget fired `widgent:ready` (again, or after the kit joined a widget the page loaded). */
  _widgetReady(): void
}

/** Listens to the page for the identity controller until `signal` aborts. */
export function watchPage(on: PageEvents, signal: AbortSignal): void {
  const options = { signal }
  addEventListener('online', on._online, options)
  document.addEventListener('visibilitychange', () => document.visibilityState == 'visible' && on._visible(), options)
  addEventListener('pageshow', (event) => event.persisted && on._restored(), options)
  addEventListener('widgent:ready', on._widgetReady, options)
}
