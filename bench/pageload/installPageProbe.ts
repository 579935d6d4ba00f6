/** What the probe saw, in `performance.now()` ms of the page. */
export interface PageProbe {
  /** Every long task (`longtask` entries): start and duration. */
  longTasks: { start: number; duration: number }[]
  /** The last `largest-contentful-paint` candidate's time (LCP stops at the first input). */
  lcp: number | null
  /** Layout shifts without recent input, summed (CLS as the browser reports each shift), and all shifts. */
  cls: number
  clsAll: number
  /** The interaction's first pointer event (the pointer arriving over the facade), and its click. */
  pointerAt?: number
  clickAt?: number
  /** The widget fired `widgent:ready`. */
  readyAt?: number
  /** The widget panel showed open (`data-open="true"`) and identified (`data-identity` the expected user). */
  openedAt?: number
}

declare global {
  interface Window {
    pageProbe: PageProbe
  }
}

/**
 * Installed with `addInitScript`, so it runs as the document is created, before anything of the page's:
 * performance observers for long tasks, LCP and layout shifts, the interaction's first events, and a mutation
 * observer noting when the widget's panel is open and shows `identity`. Self-contained: Playwright sends it as text.
 */
export function installPageProbe(identity: string): void {
  const probe: PageProbe = { longTasks: [], lcp: null, cls: 0, clsAll: 0 }
  window.pageProbe = probe
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) probe.longTasks.push({ start: entry.startTime, duration: entry.duration })
  }).observe({ type: 'longtask', buffered: true })
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) probe.lcp = entry.startTime
  }).observe({ type: 'largest-contentful-paint', buffered: true })
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries() as (PerformanceEntry & { value: number; hadRecentInput: boolean })[]) {
      probe.clsAll += entry.value
      if (!entry.hadRecentInput) probe.cls += entry.value
    }
  }).observe({ type: 'layout-shift', buffered: true })
  addEventListener('pointerover', (event) => (probe.pointerAt ??= event.timeStamp), { capture: true })
  addEventListener('click', (event) => (probe.clickAt ??= event.timeStamp), { capture: true })
  addEventListener('widgent:ready', () => (probe.readyAt ??= performance.now()))
  // Inline callbacks only: tsx would wrap a named function in a helper the page does not have.
  new MutationObserver(() => {
    const panel = document.querySelector<HTMLElement>('widgent-panel')
    if (panel?.dataset.open == 'true' && panel.dataset.identity == identity) probe.openedAt ??= performance.now()
  }).observe(document, {
    subtree: true,
    childList: true,
    attributes: true,
    attributeFilter: ['data-open', 'data-identity'],
  })
}
