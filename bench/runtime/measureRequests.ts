import type { Browser } from 'playwright-core'
import { createTab } from './createTab'
import { settle } from './settle'
import type { BenchServer } from './startBenchServer'

export interface RequestCount {
  framework: 'react' | 'vue' | 'svelte'
  components: number
  /** Token route requests for one sign-in on a loaded, anonymous widget. */
  signIn: number
  /** Token route requests from a page load with the session already signed in. */
  signedInAtLoad: number
}

export const COMPONENT_COUNTS = [1, 10, 50]

/**
 * For each framework and 1, 10 and 50 components telling the kit who is signed in: token requests at the route
 * (every one counted, whatever its status) for one sign-in, and for a load that starts signed in.
 */
export async function measureRequests(browser: Browser, server: BenchServer): Promise<RequestCount[]> {
  const counts: RequestCount[] = []
  const tab = await createTab(browser)
  for (const framework of ['react', 'vue', 'svelte'] as const) {
    for (const components of COMPONENT_COUNTS) {
      const url = `${server.url}/${framework}?n=${components}`
      await tab.open(url)
      await settle(tab.page, 'anonymous')
      server.takeHits()
      await tab.page.evaluate(() => window.bench.signIn('ada'))
      await settle(tab.page, 'ada')
      const signIn = server.takeHits().length

      await tab.open(url, 'ada')
      await settle(tab.page, 'ada')
      counts.push({ framework, components, signIn, signedInAtLoad: server.takeHits().length })
    }
  }
  await tab.close()
  return counts
}
