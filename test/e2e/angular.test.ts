import { DEMO_PRODUCT } from '@widgent/emulator'
import { buildAngularApp } from '@widgent/playground-stack'
import { beforeAll, describe, expect, it } from 'vitest'
import { appSpec } from './support/appSpec'
import { facadeSpec } from './support/facadeSpec'
import type { AppPage } from './support/openApp'
import { useApp, type AppUnderTest } from './support/useApp'

/** Console lines that would mean trouble: errors, warnings, and anything about hydration. */
const troubles = (page: AppPage) =>
  page.consoleLines.filter((line) => /^\[(error|warning|pageerror)\]/.test(line) || /hydrat|NG0\d/i.test(line))

/**
 * The Angular app as it ships (`ng build`, production with SSR, then its Node server; zoneless), with
 * `@widgent/angular`: server-rendered, hydrated, then the same scenarios as every app.
 */
function angularSpec(app: AppUnderTest) {
  const tokensFor = (userId: string, since = 0) =>
    app.emulator.log().tokens.filter((token) => token.userId == userId && token.at >= since)

  /** Loads (or reloads) the page until the widget is ready: one script tag and one init in it, every time. */
  const load = async (page: AppPage, signedInAs: string) => {
    await page.waitForSignedInAs(signedInAs)
    await page.waitForStatus({ widget: 'ready' })
    expect(await page.scriptTags()).toBe(1)
    expect(await page.widgetInits()).toBe(1)
  }

  it('renders the header and the status on the server, with the product from the server and no secret', async () => {
    const html = await (await fetch(app.url)).text()
    expect(html).toContain('<strong>Widgent playground · Angular</strong>')
    expect(html).toContain('<span class="who">Checking session…</span>')
    expect(html).toMatch(
      /<p data-testid="status" data-widget="idle" data-identity="unknown"[^>]*>Widget not started · identity: waiting for auth<\/p>/,
    )
    // The build had no product: the server read it as it started and handed it to the page (TransferState).
    expect(html).toContain(DEMO_PRODUCT.serviceKey)
    expect(html).not.toContain(DEMO_PRODUCT.verificationSecret)
    expect(html).not.toContain('widget.js"></script>')
    // The facade is in the server's HTML, named, where the widget's launcher will be.
    const facade = await (await fetch(`${app.url}?launcher=facade`)).text()
    expect(facade).toMatch(
      /<widgent-launcher[^>]*><button type="button" style="[^"]*position: fixed;[^"]*"[^>]* aria-label="Open chat" aria-busy="false"/,
    )
  })

  it('signs in, switches to Grace, signs out; reloads keep the session; hydrated with no warning, one script and one init', async () => {
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
    expect(await page.keptFirstStatus()).toBe(true)

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

  appSpec(app)
  describe('the launcher facade (?launcher=facade)', () => facadeSpec(app))
}

// One build serves both servers below; first, with a setup time of its own (a production build takes a while on a
// busy machine), so each server's start is quick.
beforeAll(() => buildAngularApp({ logLevel: 'warn' }), 300_000)

// Against the default emulator and the strict one (only what the vendor page documents: tokens that are not JWTs, no
// `ready` flag, commands before `widgent:ready` dropped, no `open`).
for (const strict of [false, true]) {
  describe(`the Angular playground (ng build, production with SSR; @widgent/angular)${strict ? ', against the strict emulator' : ''}`, () => {
    angularSpec(useApp('angular', { strict }))
  })
}
