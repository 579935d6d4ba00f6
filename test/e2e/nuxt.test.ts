import { DEMO_PRODUCT } from '@widgent/emulator'
import { describe, expect, it } from 'vitest'
import { checkFacadeSwitch } from './support/checkFacadeSwitch'
import type { AppPage } from './support/openApp'
import { useApp } from './support/useApp'

/** Console lines that would mean trouble: errors, warnings, and anything about hydration. */
const troubles = (page: AppPage) =>
  page.consoleLines.filter((line) => /^\[(error|warning|pageerror)\]/.test(line) || /hydrat/i.test(line))

describe('the Nuxt playground (nuxi build, then its Node server; @widgent/nuxt)', () => {
  const app = useApp('nuxt')
  const tokensFor = (userId: string, since = 0) =>
    app.emulator.log().tokens.filter((token) => token.userId == userId && token.at >= since)

  /** Loads (or reloads) the page until the widget is ready: one script tag and one init in it, every time. */
  const load = async (page: AppPage, signedInAs: string) => {
    await page.waitForSignedInAs(signedInAs)
    await page.waitForStatus({ widget: 'ready' })
    expect(await page.scriptTags()).toBe(1)
    expect(await page.widgetInits()).toBe(1)
  }

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

  it('signs in, switches to Grace, signs out; reloads keep the session; no hydration warning, one script and one init', async () => {
    const page = await app.open()
    await load(page, 'Signed out')
    await page.waitForStatus({ identity: 'anonymous' })
    await page.waitForPanel('anonymous')
    // Hydration adopted the server's status line instead of rendering a new one.
    expect(await page.keptFirstStatus()).toBe(true)

    await page.click('Sign in as Ada')
    await page.waitForStatus({ identity: 'identified', user: 'ada' })
    await page.waitForPanel('ada')
    expect(await page.send('Hello from Ada')).toBe('Hi Ada Lovelace! You said: "Hello from Ada"')
    expect(tokensFor('ada')).toHaveLength(1)

    const switchedAt = Date.now()
    await page.click('Sign in as Grace')
    await page.waitForStatus({ identity: 'identified', user: 'grace' })
    await page.waitForPanel('grace')
    expect(tokensFor('ada', switchedAt)).toEqual([])
    expect(tokensFor('grace')).toHaveLength(1)
    const shown = (await page.panelIdentities()).map((change) => change.identity)
    expect(shown.slice(shown.lastIndexOf('ada') + 1)).not.toContain('ada')

    // The session is the backend's cookie: a reload brings Grace back, through the server render and hydration.
    await page.page.reload()
    await load(page, 'Signed in as Grace Hopper')
    await page.waitForStatus({ identity: 'identified', user: 'grace' })
    await page.waitForPanel('grace')

    const signedOutAt = Date.now()
    await page.click('Sign out')
    await page.waitForStatus({ identity: 'anonymous', user: '' })
    await page.waitForPanel('anonymous')
    expect(await page.send('Who am I?')).toMatch(/anonymously/)
    expect(app.emulator.log().tokens.filter((token) => token.at >= signedOutAt)).toEqual([])

    await page.page.reload()
    await load(page, 'Signed out')
    await page.waitForStatus({ identity: 'anonymous' })
    // Three page loads: three scripts and three inits, one each.
    expect(app.emulator.log()).toMatchObject({ scriptLoads: 3, inits: [{}, {}, {}] })
    expect(troubles(page)).toEqual([])
  })

  it("mints through the module's token route for the session's user only", async () => {
    const page = await app.open()
    await load(page, 'Signed out')
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
    expect(troubles(page)).toEqual([])
  })

  it('the Eager / Facade switch: the facade loads nothing until its click, which opens the widget for Ada', () =>
    checkFacadeSwitch(app))
})
