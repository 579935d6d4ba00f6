import type { Browser } from 'playwright-core'
import { installPageProbe, type PageProbe } from './installPageProbe'

/** One load of one page, as `loadPage` measured it. Times in ms of the page's clock (0: navigation start). */
export interface PageLoad {
  /** When the user's first interaction came (the moment figures "before interaction" stop at). */
  interactAt: number
  /** Σ (duration − 50) over the long tasks that started before `interactAt`. */
  tbt: number
  longTasks: PageProbe['longTasks']
  lcp: number | null
  cls: number
  /** Every request the page started before `interactAt` (the document included): URL and bytes as received. */
  requests: { url: string; bytes: number }[]
  bytes: number
  /** Whether the widget's script was among them. */
  widgetBeforeInteraction: boolean
  /** With a click on the facade: the click, and what it is held against. */
  facade?: FacadeClick
}

export interface FacadeClick {
  /** The pointer arriving over the facade (a click brings it a few ms before the click event) → the panel open and identified. */
  toOpen: number
  /** `widget.js`: its request's start → its last byte, as Resource Timing has it. */
  scriptLoad: number
  /** The longest long task after the script arrived: the widget's start-up. */
  startup: number
  /** `/api/widgent-token`: request start → last byte. */
  tokenRoundTrip: number
  /** scriptLoad + startup + tokenRoundTrip. */
  budget: number
  /**
   * Not in the budget, for reading the figure: the pointer's arrival → `widget.js` requested (Resource Timing), and
   * the widget's own `GET /v1/widget/config` (its `init`), request sent → response headers (CDP's timestamps).
   */
  scriptRequested: number
  configRoundTrip: number
  /** The pointer's arrival → the token request started, and → the widget's `widgent:ready` event. */
  tokenRequested: number
  ready: number
}

export interface LoadOptions {
  /** The moment of the user's first interaction, ms after navigation start. */
  interactAt: number
  /** Click the facade then (its accessible name is `Open chat`), and wait for the panel to open showing `identity`. */
  clickFacade?: boolean
  identity: string
}

const WIDGET_SCRIPT = /\/widget\.js$/

/**
 * Loads `url` once, in a browser context of its own (nothing cached, no connection kept from an earlier load, the
 * pointer nowhere over the page), and measures it up to the user's first interaction at `interactAt`: long tasks, LCP,
 * CLS and the requests started before it, with their bytes as Chromium received them (CDP `Network.loadingFinished`
 * `encodedDataLength`: headers and body; Resource Timing has no sizes for the emulator's cross-origin script).
 */
export async function loadPage(
  browser: Browser,
  url: string,
  { interactAt, clickFacade = false, identity }: LoadOptions,
): Promise<PageLoad> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } })
  try {
    const page = await context.newPage()
    page.on('pageerror', (error) => console.error(`${url}: ${error.message}`))
    await page.addInitScript(installPageProbe, identity)
    const cdp = await context.newCDPSession(page)
    type Received = { url: string; bytes?: number; sent: number; headers?: number }
    const received: Received[] = []
    const byId = new Map<string, Received>()
    cdp.on('Network.requestWillBeSent', ({ requestId, request, timestamp }) => {
      if (byId.has(requestId) || request.url.startsWith('data:')) return
      const entry: Received = { url: request.url, sent: timestamp }
      byId.set(requestId, entry)
      received.push(entry)
    })
    cdp.on(
      'Network.responseReceived',
      ({ requestId, timestamp }) => void (byId.get(requestId) && (byId.get(requestId)!.headers = timestamp)),
    )
    cdp.on(
      'Network.loadingFinished',
      ({ requestId, encodedDataLength }) =>
        void (byId.get(requestId) && (byId.get(requestId)!.bytes = encodedDataLength)),
    )
    cdp.on('Network.loadingFailed', ({ requestId }) => void (byId.get(requestId) && (byId.get(requestId)!.bytes = 0)))
    await cdp.send('Network.enable')

    await page.goto(url)
    const facade = clickFacade ? await page.getByRole('button', { name: 'Open chat' }).boundingBox() : null
    if (clickFacade && !facade) throw new Error(`${url}: no facade button named "Open chat" to click.`)
    // Until the moment of the interaction, in the page (one timer), then what started before it.
    const before = await page.evaluate(async (at) => {
      await new Promise((resolve) => setTimeout(resolve, at - performance.now()))
      const started = performance.getEntriesByType('resource').filter((entry) => entry.startTime < at)
      return { urls: [location.href, ...started.map((entry) => entry.name)], lcp: window.pageProbe.lcp }
    }, interactAt)
    if (facade) await page.mouse.click(facade.x + facade.width / 2, facade.y + facade.height / 2)

    // Each URL started before the interaction, matched to its CDP request in order; wait for their last bytes.
    const unclaimed = [...received]
    const matched = before.urls.map((name) => {
      const at = unclaimed.findIndex((entry) => entry.url == name)
      if (at < 0) throw new Error(`${url}: no CDP request for ${name}`)
      return unclaimed.splice(at, 1)[0]!
    })
    for (const deadline = Date.now() + 10_000; matched.some((entry) => entry.bytes === undefined);) {
      if (Date.now() > deadline) throw new Error(`${url}: requests still unfinished after 10 s`)
      await new Promise((resolve) => setTimeout(resolve, 20))
    }
    let click: FacadeClick | undefined
    if (facade) {
      await page.waitForFunction(() => window.pageProbe.openedAt !== undefined, null, { polling: 20, timeout: 15_000 })
      // Resource Timing may add an entry a moment after its response has been read: wait for the two used below.
      await page.waitForFunction(
        () =>
          ['/widget.js', '/api/widgent-token'].every((part) =>
            performance.getEntriesByType('resource').some((entry) => entry.name.includes(part)),
          ),
        null,
        { polling: 20, timeout: 5_000 },
      )
      const timings = await page.evaluate(() => {
        const probe = window.pageProbe
        const resources = performance.getEntriesByType('resource') as PerformanceResourceTiming[]
        const [script] = resources.filter((entry) => /\/widget\.js$/.test(entry.name))
        const [token] = resources.filter((entry) => /\/api\/widgent-token$/.test(entry.name))
        if (!script || !token)
          throw new Error('The facade click opened the widget without a script or token request in Resource Timing.')
        const from = probe.pointerAt ?? probe.clickAt!
        const startup = Math.max(
          0,
          ...probe.longTasks.filter((task) => task.start >= script.responseEnd).map((task) => task.duration),
        )
        const scriptLoad = script.responseEnd - script.startTime
        const tokenRoundTrip = token.responseEnd - token.startTime
        return {
          toOpen: probe.openedAt! - from,
          scriptLoad,
          startup,
          tokenRoundTrip,
          budget: scriptLoad + startup + tokenRoundTrip,
          scriptRequested: script.startTime - from,
          tokenRequested: token.startTime - from,
          ready: probe.readyAt! - from,
        }
      })
      // The widget's config request is not in the page's Resource Timing in this Chromium (seen, not explained): CDP's times.
      const config = received.find((entry) => /\/v1\/widget\/config\?/.test(entry.url))
      if (!config?.headers) throw new Error(`${url}: the widget opened without its config request answered`)
      click = { ...timings, configRoundTrip: (config.headers - config.sent) * 1000 }
    }
    const probe = await page.evaluate(() => window.pageProbe)
    const longTasks = probe.longTasks.filter((task) => task.start < interactAt)
    const requests = matched.map(({ url, bytes }) => ({ url, bytes: bytes! }))
    return {
      interactAt,
      tbt: longTasks.reduce((sum, task) => sum + Math.max(0, task.duration - 50), 0),
      longTasks,
      lcp: before.lcp,
      cls: probe.cls,
      requests,
      bytes: requests.reduce((sum, request) => sum + request.bytes, 0),
      widgetBeforeInteraction: requests.some((request) => WIDGET_SCRIPT.test(request.url)),
      facade: click,
    }
  } finally {
    await context.close()
  }
}
