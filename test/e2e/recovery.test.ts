import { launchChromium } from '@widgent/test-utils/chromium'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { holdsFor } from './support/holdsFor'
import { AppPage, openApp } from './support/openApp'
import { setBackendFaults, setFaults } from './support/setFaults'
import { useApp } from './support/useApp'

/**
 * Identity heals by itself and stays right across tabs and the back/forward cache (React playground: the rules
 * are the core's). Nothing here presses Retry.
 */
describe('recovery, tabs and the back/forward cache (React playground)', () => {
  const app = useApp('react')
  const tokenRequests = (since: number) => app.backend.tokenRequests().filter((request) => request.at >= since)

  const signInAsAda = async (page: AppPage) => {
    await page.click('Sign in as Ada')
    await page.waitForStatus({ identity: 'identified', user: 'ada' })
    await page.waitForPanel('ada')
  }

  it("offline during a sign-in: identified once back online, with no user action, before the kit's own next try", async () => {
    const page = await app.open()
    await page.waitForStatus({ widget: 'ready', identity: 'anonymous' })
    // The first token request takes a second and fails: the network is gone by the time the kit tries again.
    await setBackendFaults(app.backend.url, { tokenStatus: 503, tokenDelayMs: 1000, tokenFailCount: 1 })
    await page.click('Sign in as Ada')
    await page.waitForSignedInAs('Signed in as Ada Lovelace')
    await page.page.context().setOffline(true)
    await page.waitForStatus({ identity: 'error', error: 'token-fetch', retrying: 'true' })
    // On a busy machine the first request may not have left before the network went, and the fault would wait for
    // the request `online` makes: the route is healthy again by then, whichever way it went.
    await setBackendFaults(app.backend.url, null)
    // The kit's own next try, at the end of its backoff (5 s after the failure, then 10, 20: a quarter either way).
    // Its tries fail offline until the next is at least 15 s away, so a busy machine that is slow to deliver
    // `online` cannot see the timer win instead: what is checked is which of the two asked, not how fast.
    let retryAt = (await page.retryAt())!
    while (retryAt - Date.now() < 15_000) {
      const before = retryAt
      await expect.poll(async () => (retryAt = (await page.retryAt())!), { timeout: 60_000 }).not.toBe(before)
    }

    const online = Date.now()
    await page.page.context().setOffline(false)
    await page.waitForStatus({ identity: 'identified', user: 'ada', error: '', retrying: '' })
    await page.waitForPanel('ada')
    // How long it takes is measured by `npm run soak` (recovery after an outage, p50/p95).
    console.log(
      `offline during sign-in: identified ${Date.now() - online} ms after online, ${retryAt - online} ms before the kit's own next try`,
    )
    // One request, answered before that try was due: `online` made the kit ask.
    const healed = tokenRequests(online)
    expect(healed.map((request) => request.status)).toEqual([200])
    expect(healed[0]!.at).toBeLessThan(retryAt)
  })

  it('a token route failing for 2 minutes: a bounded number of requests, then identified once it heals', async () => {
    const page = await app.open()
    await page.waitForStatus({ widget: 'ready', identity: 'anonymous' })
    await setFaults(app.emulator.url, { tokenStatus: 500 })
    const start = Date.now()
    await page.click('Sign in as Ada')
    await page.waitForStatus({ identity: 'error', error: 'token-fetch', retrying: 'true' })
    await holdsFor(120_000 - (Date.now() - start), () => expect(page.page.isClosed()).toBe(false))
    const failing = tokenRequests(start)
    console.log(
      `route failing for 2 min: ${failing.length} token requests (${failing.map((request) => request.status).join(' ')})`,
    )
    expect(failing.every((request) => request.status == 502)).toBe(true)
    // 3 at once, then one at about 5, 15, 35 and 75 s (a quarter either way).
    expect(failing.length).toBeGreaterThanOrEqual(6)
    expect(failing.length).toBeLessThanOrEqual(8)

    await setFaults(app.emulator.url, null)
    const healed = Date.now()
    // The next try is due within the backoff (at most 160 s x 1.25 after the failure).
    await page.waitForStatus({ identity: 'identified', user: 'ada', error: '', retrying: '' }, 200_000)
    await page.waitForPanel('ada')
    console.log(`route failing for 2 min: identified ${Date.now() - healed} ms after it healed`)
    expect(tokenRequests(healed).map((request) => request.status)).toEqual([200])
  }, 420_000)

  it('a sign-out in one tab reaches the other tab of the origin: its widget is anonymous within a second, quietly', async () => {
    const first = await app.open()
    await first.waitForStatus({ widget: 'ready', identity: 'anonymous' })
    await signInAsAda(first)
    // A second tab of the same browser profile: the same cookie session.
    const second = new AppPage(await first.page.context().newPage(), [])
    await second.page.goto(app.url)
    await second.waitForStart()
    await second.waitForStatus({ widget: 'ready', identity: 'identified', user: 'ada' })
    await second.waitForPanel('ada')

    await first.click('Sign out')
    await first.waitForPanel('anonymous')
    await second.waitForPanel('anonymous')
    const signedOutAt = (await first.panelIdentities()).at(-1)!.at
    const followedAt = (await second.panelIdentities()).at(-1)!.at
    // A bound a user would notice; the figure itself (milliseconds) is the soak's to measure.
    console.log(`sign-out in another tab: that tab's widget anonymous ${followedAt - signedOutAt} ms later`)
    expect(followedAt - signedOutAt).toBeLessThan(1000)
    // The second tab's app still says Ada (its auth does not know yet); once settled, its own token route answers
    // 401: the sign-out the other tab announced, not an error.
    await second.waitForStatus({ identity: 'anonymous', error: '' })
    expect(await second.signedInAs()).toBe('Signed in as Ada Lovelace')
    expect(second.consoleLines.filter((line) => line.startsWith('[error]') && !line.includes('401'))).toEqual([])
  })

  describe('with the back/forward cache on', () => {
    let browser: Browser
    beforeAll(async () => {
      // Playwright turns the cache off unless told otherwise.
      browser = await launchChromium({ ignoreDefaultArgs: ['--disable-back-forward-cache'] })
    })
    afterAll(() => browser?.close())

    it('a page restored from the cache after a sign-out elsewhere asks its token route again: anonymous', async () => {
      const page = await openApp(browser, 'react-bfcache', app.url)
      await page.page.addInitScript(() => {
        addEventListener('pageshow', (event) => ((window as { __restored?: boolean }).__restored = event.persisted))
      })
      await page.page.reload()
      await page.waitForStart()
      await page.waitForStatus({ widget: 'ready', identity: 'anonymous' })
      await signInAsAda(page)

      await page.page.goto(`${app.url}api/session`)
      // Signed out on the server, by something that is not this page (another device, an expiry).
      expect((await page.page.request.post(`${app.url}api/__expire-session`)).status()).toBe(204)
      // A page restored from the cache fires pageshow, not load.
      await page.page.goBack({ waitUntil: 'commit' })
      await expect.poll(() => page.page.evaluate(() => (window as { __restored?: boolean }).__restored)).toBe(true)
      await page.waitForPanel('anonymous')
      // Signed out elsewhere: the route's 401 is that sign-out, not an error.
      await page.waitForStatus({ identity: 'anonymous', error: '' })
    })
  })
})
