import type { Browser, Page } from 'playwright-core'
import { settle } from './settle'
import { percentiles, type Percentiles } from './percentiles'
import type { BenchServer } from './startBenchServer'

export interface CrossTab {
  /** Sign-out in one tab (`setUser(null)`, the session cookie cleared) → the other tab's widget got `''`. */
  signOutToOtherTab: Percentiles
}

export const CROSS_TAB_SIGN_OUTS = 100

/** The page's clock as the time since the epoch, which two tabs share (each `performance.now()` has its own origin). */
const sharedClock = (page: Page, at: number) => page.evaluate((at) => performance.timeOrigin + at, at)

/**
 * Two tabs of one profile on the core page, both signed in as Ada; 100 times, the first signs out and the second
 * (whose app still says Ada) hears it from the kit's tab channel: its widget's next answer is `''`, and its own token
 * route, the session gone, answers 401. Then both sign in again and settle before the next sign-out.
 */
export async function measureCrossTab(browser: Browser, server: BenchServer): Promise<CrossTab> {
  const context = await browser.newContext()
  try {
    await context.addCookies([{ name: 'bench_user', value: 'ada', url: server.url }])
    const tabs = [await context.newPage(), await context.newPage()] as const
    for (const tab of tabs) {
      tab.on('pageerror', (error) => console.error(`${tab.url()}: ${error.message}`))
      await tab.goto(`${server.url}/core`)
      await settle(tab, 'ada', { holdMs: 0 })
    }
    const [first, second] = tabs
    const lags: number[] = []
    while (lags.length < CROSS_TAB_SIGN_OUTS) {
      const answers = await second.evaluate(() => window.bench.probe.answers.length)
      const signedOut = await first.evaluate(() => {
        const at = performance.now()
        window.bench.signOut()
        return at
      })
      const answered = await second.waitForFunction(
        (from) => window.bench.probe.answers.slice(from).find(({ token }) => !token)?.at,
        answers,
        { polling: 10, timeout: 10_000 },
      )
      lags.push((await sharedClock(second, (await answered.jsonValue())!)) - (await sharedClock(first, signedOut)))
      // The second tab's route has answered (401) before it signs out and in again, which asks once more.
      await settle(second, 'anonymous', { holdMs: 0 })
      await second.evaluate(() => window.bench.signOut())
      await second.evaluate(() => window.bench.signIn('ada'))
      await first.evaluate(() => window.bench.signIn('ada'))
      for (const tab of tabs) await settle(tab, 'ada', { holdMs: 0 })
    }
    return { signOutToOtherTab: percentiles(lags) }
  } finally {
    await context.close()
  }
}
