import { DEMO_PRODUCT } from '@widgent/emulator'
import { buildAngularApp } from '@widgent/playground-stack'
import { beforeAll, describe, expect, it } from 'vitest'
import { appSpec } from './support/appSpec'
import { facadeSpec } from './support/facadeSpec'
import { serverRenderedSession } from './support/serverRenderedSpec'
import { useApp, type AppUnderTest } from './support/useApp'

/**
 * The Angular app as it ships (`ng build`, production with SSR, then its Node server; zoneless), with
 * `@widgent/angular`: server-rendered, hydrated, then the same scenarios as every app.
 */
function angularSpec(app: AppUnderTest) {
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

  serverRenderedSession(app, { hydrationTrouble: /hydrat|NG0\d/i, keepsStatusOnReload: true })

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
