import type { Browser } from 'playwright-core'
import { createTab } from './createTab'
import { settle } from './settle'
import { percentiles, type Percentiles } from './percentiles'
import type { BenchServer } from './startBenchServer'

export interface Latency {
  page: string
  /** (a) `client.setUser(user)` called → `fetch` of the token route called. */
  setUserToRequest: Percentiles
  /** (b) `response.json()` resolved → the fetcher's promise resolved to the widget. */
  bodyToWidget: Percentiles
  /** (b) from `fetch` resolving instead (headers in): the body's read, in the browser, included. */
  headersToWidget: Percentiles
  /** The app's auth state changed → the binding's first `setUser` call (the framework's render and effects). */
  authToSetUser: Percentiles
  /** Sign-out: `setUser(null)` → the widget's fetcher resolved `''`. */
  signOutToWidget: Percentiles
}

export const CYCLES = 200
export const WARM_UP = 20
export const LATENCY_PAGES = ['core', 'react?n=1', 'react?n=50', 'vue?n=50', 'svelte?n=50']

/**
 * 200 sign-in/sign-out cycles in each page after 20 not counted, run back to back inside the page, every time
 * taken there with `performance.now()`. The token route's own time (and the emulator's) falls between (a) and (b).
 */
export async function measureLatency(browser: Browser, server: BenchServer): Promise<Latency[]> {
  const results: Latency[] = []
  const tab = await createTab(browser)
  for (const page of LATENCY_PAGES) {
    await tab.open(`${server.url}/${page}`)
    await settle(tab.page, 'anonymous', { holdMs: 0 })
    await tab.page.evaluate((count) => window.bench.cycles(count), WARM_UP)
    const cycles = await tab.page.evaluate((count) => window.bench.cycles(count), CYCLES)
    results.push({
      page,
      setUserToRequest: percentiles(cycles.map((cycle) => cycle.request!.start - cycle.setUser!)),
      bodyToWidget: percentiles(cycles.map((cycle) => cycle.answer - cycle.request!.body!)),
      headersToWidget: percentiles(cycles.map((cycle) => cycle.answer - cycle.request!.headers!)),
      authToSetUser: percentiles(cycles.map((cycle) => cycle.setUser! - cycle.auth)),
      signOutToWidget: percentiles(cycles.map((cycle) => cycle.answerOut - cycle.setUserOut!)),
    })
  }
  await tab.close()
  return results
}
