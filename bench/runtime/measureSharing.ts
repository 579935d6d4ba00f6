import type { Browser, Page } from 'playwright-core'
import { percentiles, type Percentiles } from './percentiles'
import { settle } from './settle'
import type { BenchServer } from './startBenchServer'

export interface Sharing {
  variant: string
  /** Token route requests for LOADS page loads in a row of one tab, signed in as Ada. */
  loadRequests: number
  /** ms from navigation to the widget's first token, each load. */
  loadIdentified: Percentiles
  /** Token route requests for TABS tabs opened together, signed in as Ada. */
  tabRequests: number
  /** ms from each tab's navigation to its widget's first token. */
  tabIdentified: Percentiles
}

export const LOADS = 10
export const TABS = 5

// The vendor's snippet; the kit as it was (`'eager'`, nothing shared: see pageParams.ts); the kit's default now;
// and with the token kept for the tab's next page load.
export const SHARING_VARIANTS: Record<string, string> = {
  'vendor snippet': 'vendor',
  "kit as it was ('eager', no sharing)": 'core?load=eager&alone',
  'kit now (default)': 'core',
  "kit now, tokenStorage: 'sessionStorage'": 'core?tokenStorage=sessionStorage',
}

/** When the widget on `page` got its first token, in ms after the page's navigation started. */
const identifiedAt = (page: Page) =>
  page.evaluate(() => window.bench.probe.answers.find((answer) => answer.token)?.at ?? NaN)

/**
 * Requests and time to identified, for each variant, over LOADS page loads in a row of one tab and over TABS tabs
 * opened together, all signed in as Ada in one browser profile. The physical limit is one request per token life.
 */
export async function measureSharing(browser: Browser, server: BenchServer): Promise<Sharing[]> {
  // A new profile (nothing kept from the variant before), signed in as Ada.
  const signedIn = async () => {
    const context = await browser.newContext()
    await context.addCookies([{ name: 'bench_user', value: 'ada', url: server.url }])
    return context
  }
  const results: Sharing[] = []
  for (const [variant, path] of Object.entries(SHARING_VARIANTS)) {
    const url = `${server.url}/${path}`
    const loading = await signedIn()
    const tab = await loading.newPage()
    const loads: number[] = []
    server.takeHits()
    while (loads.length < LOADS) {
      await tab.goto(url)
      await settle(tab, 'ada')
      loads.push(await identifiedAt(tab))
    }
    const loadRequests = server.takeHits().length
    await loading.close()

    const together = await signedIn()
    const tabs = await Promise.all(Array.from({ length: TABS }, () => together.newPage()))
    await Promise.all(tabs.map((page) => page.goto(url)))
    await Promise.all(tabs.map((page) => settle(page, 'ada')))
    const tabTimes = await Promise.all(tabs.map(identifiedAt))
    results.push({
      variant,
      loadRequests,
      loadIdentified: percentiles(loads),
      tabRequests: server.takeHits().length,
      tabIdentified: percentiles(tabTimes),
    })
    await together.close()
  }
  return results
}
