import { DEMO_PRODUCT } from '@widgent/emulator'
import { describe, expect, it } from 'vitest'
import { checkFacadeSwitch } from './support/checkFacadeSwitch'
import { loadReady, serverRenderedSession, troublesIn } from './support/serverRenderedSpec'
import { useApp } from './support/useApp'

describe('the Nuxt playground (nuxi build, then its Node server; @widgent/nuxt)', () => {
  const app = useApp('nuxt')

  it('renders the header and the status on the server, with the product from runtime config and no secret', async () => {
    const html = await (await fetch(app.url)).text()
    expect(html).toContain('<strong>Widgent playground · Nuxt</strong>')
    expect(html).toContain('<span class="who">Checking session…</span>')
    expect(html).toMatch(
      /<p data-testid="status" data-widget="idle" data-identity="unknown"[^>]*>Widget not started · identity: waiting for auth<\/p>/,
    )
    // The build had no product: NUXT_PUBLIC_WIDGENT_* reached the page when the server started.
    expect(html).toContain(DEMO_PRODUCT.serviceKey)
    expect(html).not.toContain(DEMO_PRODUCT.verificationSecret)
  })

  serverRenderedSession(app, { hydrationTrouble: /hydrat/i })

  it("mints through the module's token route for the session's user only", async () => {
    const page = await app.open()
    await loadReady(page, 'Signed out')
    const request = page.page.request
    expect((await request.get(`${app.url}api/widgent-token`)).status()).toBe(401)
    await page.click('Sign in as Ada')
    await page.waitForStatus({ identity: 'identified', user: 'ada' })
    const since = Date.now()
    // Shares the page's cookies: Ada's session. Nothing in the request can name another user.
    const answer = await request.get(`${app.url}api/widgent-token?userId=grace`, { headers: { 'X-User-Id': 'grace' } })
    expect(answer.status()).toBe(200)
    expect(answer.headers()['cache-control']).toBe('no-store')
    expect(
      app.emulator
        .log()
        .tokens.filter((token) => token.at >= since)
        .map((token) => token.userId),
    ).toEqual(['ada'])
    expect(troublesIn(page, /hydrat/i)).toEqual([])
  })

  it('the Eager / Facade switch: the facade loads nothing until its click, which opens the widget for Ada', () =>
    checkFacadeSwitch(app))
})
