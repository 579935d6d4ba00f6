import type { Page } from 'playwright-core'

/**
 * Waits until the widget panel shows `identity` (a user id or `anonymous`) and no token request is still waiting
 * for its answer, then `holdMs` more, so that requests that were never going to come have had their chance.
 * With `orTimeout`, a widget that never shows `identity` within `timeout` is no failure: the page settles anyway.
 */
export async function settle(
  page: Page,
  identity: string,
  { timeout = 10_000, holdMs = 200, orTimeout = false } = {},
): Promise<void> {
  const shows = page.waitForFunction((identity) => window.bench?.widgetIdentity() == identity, identity, {
    polling: 10,
    timeout,
  })
  await (orTimeout ? shows.catch(() => {}) : shows)
  await page.waitForFunction(
    () => window.bench.probe.requests.every((request) => request.headers || request.failed),
    null,
    { polling: 10, timeout: 10_000 },
  )
  await page.waitForTimeout(holdMs)
}
