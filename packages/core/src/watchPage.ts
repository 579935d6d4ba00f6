export interface PageEvents {
  /** The browser is back online. */
  online(): void
  /** The page is visible again (a tab switched back to, a laptop woken). */
  visible(): void
  /** The page came back from the back/forward cache. */
  restored(): void
  /** The widget fired `widgent:ready` (again, or after the kit joined a widget the page loaded). */
  widgetReady(): void
}

/** Listens to the page for the identity controller until `signal` aborts. */
export function watchPage(on: PageEvents, signal: AbortSignal): void {
  const options = { signal }
  addEventListener('online', on.online, options)
  document.addEventListener('visibilitychange', () => document.visibilityState == 'visible' && on.visible(), options)
  addEventListener('pageshow', (event) => event.persisted && on.restored(), options)
  addEventListener('widgent:ready', on.widgetReady, options)
}
