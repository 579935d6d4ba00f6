import type { Page, Route } from 'playwright-core'

/**
 * Makes the server's answers to `page`'s requests matching `url` reach the page `ms` late (a slow session route, say),
 * until the returned function is called. The request itself goes out at once.
 */
export async function delayResponses(page: Page, url: string, ms: number): Promise<() => Promise<void>> {
  const handler = async (route: Route) => {
    // Playwright's own connection may find the server closed an idle keep-alive socket: it tries again.
    const response = await route.fetch({ maxRetries: 2 })
    // The one timed wait here is the latency under test, not a wait for something to happen.
    await new Promise((resolve) => setTimeout(resolve, ms))
    await route.fulfill({ response })
  }
  await page.route(url, handler)
  return () => page.unroute(url, handler)
}
