import type { BrowserContext } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { holdsFor } from './support/holdsFor'
import { AppPage } from './support/openApp'
import { useApp } from './support/useApp'

/**
 * One token per user per token life in a browser (React playground: the rules are the core's): tabs share theirs,
 * a tab's next page load may keep it, and the widget waits for a quiet page by default. Against the default and the
 * strict emulator: sharing rests on nothing the vendor page does not promise.
 */
for (const strict of [false, true])
  describe(`tokens across tabs and page loads (React playground, ${strict ? 'strict' : 'default'} emulator)`, () => {
    const app = useApp('react', { strict })
    const tokenRequests = (since: number) => app.backend.tokenRequests().filter((request) => request.at >= since)

    /** Keeps the page busy (no idle period of 40 ms) until the test sets `window.__quiet`. */
    const busy = async (context: BrowserContext) => {
      context.on('request', (request) => request.url().endsWith('/widget.js') && scriptRequests++)
      await context.addInitScript(() => {
        const work = setInterval(() => {
          if ((window as { __quiet?: boolean }).__quiet) return clearInterval(work)
          const end = performance.now() + 30
          while (performance.now() < end);
        }, 5)
      })
    }
    let scriptRequests = 0

    it("by default ('idle') the widget waits for the page to go quiet; with load: 'eager' it loads on a busy page", async () => {
      scriptRequests = 0
      const waiting = await app.open('', { init: busy })
      await waiting.waitForStatus({ widget: 'idle', identity: 'anonymous' })
      await holdsFor(1000, () => expect(scriptRequests).toBe(0))
      await waiting.page.evaluate(() => ((window as { __quiet?: boolean }).__quiet = true))
      await waiting.waitForStatus({ widget: 'ready', identity: 'anonymous' })

      const eager = await app.open('?load=eager', { init: busy })
      await eager.waitForStatus({ widget: 'ready', identity: 'anonymous' })
    })

    it('5 tabs opened together, signed in as Ada: every widget identified, no tab asking twice', async () => {
      // Signed in with the facade, so no widget loads and no token is asked for yet.
      const first = await app.open('?launcher=facade')
      await first.waitForStatus({ identity: 'anonymous' })
      await first.click('Sign in as Ada')
      await first.waitForStatus({ identity: 'signed-in', user: 'ada' })
      const start = Date.now()
      const context = first.page.context()
      const tabs = await Promise.all(
        Array.from({ length: 5 }, async () => {
          const tab = new AppPage(await context.newPage(), [])
          await tab.page.goto(app.url)
          return tab
        }),
      )
      for (const tab of tabs) {
        await tab.waitForStatus({ widget: 'ready', identity: 'identified', user: 'ada' })
        await tab.waitForPanel('ada')
      }
      // Tabs take turns (Web Locks), and each asks the others first: one request on a quiet machine (`npm run bench`,
      // "5 tabs at once", measures it; the unit suites hold it with controlled timing). A tab answers within
      // TAB_ANSWER_MS (250 ms), and on a busy machine an answer can come later, so the asking tab then goes to its
      // route: never more than once per tab, never for anyone else, and never the facade's tab, which has no widget.
      const asked = tokenRequests(start).map((request) => request.userId)
      expect(asked.length).toBeGreaterThanOrEqual(1)
      expect(asked.length).toBeLessThanOrEqual(tabs.length)
      expect(new Set(asked)).toEqual(new Set(['ada']))

      // A sign-out in one: none of the others keeps the token, and none asks its route while its auth catches up.
      const signedOut = Date.now()
      await tabs[0]!.click('Sign out')
      for (const tab of tabs) await tab.waitForPanel('anonymous')
      for (const tab of tabs.slice(1)) expect((await tab.status()).identity).not.toBe('identified')
      // Once settled, each asks its own route, which answers 401: anonymous, not an error.
      for (const tab of tabs.slice(1)) await tab.waitForStatus({ identity: 'anonymous', error: '' })
      expect(tokenRequests(signedOut).every((request) => request.status == 401)).toBe(true)
    })

    it("tokenStorage: 'sessionStorage': 10 page loads of Ada, one token request", async () => {
      const page = await app.open('?tokenStorage=sessionStorage')
      await page.waitForStatus({ widget: 'ready', identity: 'anonymous' })
      const start = Date.now()
      await page.click('Sign in as Ada')
      await page.waitForStatus({ identity: 'identified', user: 'ada' })
      for (let load = 2; load <= 10; load++) {
        await page.page.reload()
        await page.waitForStatus({ widget: 'ready', identity: 'identified', user: 'ada' })
        await page.waitForPanel('ada')
      }
      expect(tokenRequests(start).map((request) => request.userId)).toEqual(['ada'])
    })

    it("tokenStorage: 'sessionStorage': Grace on the next load gets a token of her own, never Ada's", async () => {
      const page = await app.open('?tokenStorage=sessionStorage')
      await page.waitForStatus({ widget: 'ready', identity: 'anonymous' })
      await page.click('Sign in as Ada')
      await page.waitForStatus({ identity: 'identified', user: 'ada' })
      await page.page.goto('about:blank')
      // The session changes while the page is away (another app of the site signed Grace in).
      const switched = Date.now()
      await page.page.context().request.post(`${app.url}api/login`, { data: { user: 'grace' } })
      await page.page.goto(`${app.url}?tokenStorage=sessionStorage`)
      await page.waitForStatus({ widget: 'ready', identity: 'identified', user: 'grace' })
      await page.waitForPanel('grace')
      expect(tokenRequests(switched).map((request) => request.userId)).toEqual(['grace'])
      expect((await page.answers()).map((answer) => answer.identity)).not.toContain('ada')
    })
  })
