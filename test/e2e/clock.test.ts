import type { BrowserContext } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { useApp } from './support/useApp'

// A user's clock may be hours off (set by hand, a dead battery, a paused VM): the page's `Date` is moved, the emulator
// and the token route keep the right time. The kit judges a token's life by the service's time, so the user is
// identified all the same and never handed a token about to expire.

const HOUR = 3_600_000

/** Moves the page's clock (`Date.now()` and `new Date()`) by `skew` ms before any of its scripts run. */
const skewClock = (skew: number) => async (context: BrowserContext) => {
  await context.addInitScript((skew) => {
    const RealDate = Date
    class SkewedDate extends RealDate {
      constructor(...args: ConstructorParameters<DateConstructor> | []) {
        super(...((args.length ? args : [RealDate.now() + skew]) as [number]))
      }
      static override now = () => RealDate.now() + skew
    }
    window.Date = SkewedDate as DateConstructor
  }, skew)
}

for (const strict of [false, true]) {
  describe(`a page whose clock is off, against the ${strict ? 'strict' : 'default'} emulator`, () => {
    const app = useApp('react', { strict })
    const tokensFor = (userId: string) => app.emulator.log().tokens.filter((token) => token.userId == userId)

    it('3 hours fast, 1-hour tokens: Ada is identified and her message is logged as hers', async () => {
      const page = await app.open('', { init: skewClock(3 * HOUR) })
      expect(await page.page.evaluate(() => Date.now() - performance.timeOrigin - performance.now())).toBeGreaterThan(
        2 * HOUR,
      )
      await page.waitForStatus({ widget: 'ready', identity: 'anonymous' })
      await page.click('Sign in as Ada')
      await page.waitForStatus({ identity: 'identified', user: 'ada', error: '' })
      await page.waitForPanel('ada')
      expect(await page.send('Hello from Ada')).toBe('Hi Ada Lovelace! You said: "Hello from Ada"')
      expect(app.emulator.log().messages).toMatchObject([{ identity: 'ada', expired: false }])
      expect(tokensFor('ada')).toHaveLength(1)
    })

    it('3 hours slow, 10 s tokens: a fresh token reaches the widget before the first expires, and the panel never leaves Ada', async () => {
      // The strict emulator's tokens are not JWTs and its route says no expiry: the kit reuses them for tokenMaxAgeMs.
      app.emulator.setTokenTtl(10)
      const page = await app.open(strict ? '?tokenMaxAgeMs=5000' : '', { init: skewClock(-3 * HOUR) })
      await page.waitForStatus({ widget: 'ready', identity: 'anonymous' })
      await page.click('Sign in as Ada')
      await page.waitForPanel('ada')
      await expect.poll(() => tokensFor('ada').length, { timeout: 20_000 }).toBe(2)
      const adaAnswers = async () => (await page.answers()).filter((answer) => answer.identity == 'ada')
      await expect.poll(async () => (await adaAnswers()).length, { timeout: 10_000 }).toBe(2)
      expect(await page.send('Still me')).toBe('Hi Ada Lovelace! You said: "Still me"')
      expect(app.emulator.log().messages).toMatchObject([{ identity: 'ada', expired: false }])
      const shown = (await page.panelIdentities()).map((change) => change.identity)
      expect(shown.slice(shown.indexOf('ada'))).toEqual(['ada'])
      await page.waitForStatus({ identity: 'identified', user: 'ada', error: '' })
    })
  })
}
