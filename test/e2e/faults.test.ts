import { describe, expect, it, onTestFinished } from 'vitest'
import { DEMO_PRODUCT } from '@widgent/emulator'
import { DEMO_USERS, type TokenFaults } from '@widgent/playground-backend'
import { widgentTokenHandler } from '@widgent/server'
import { bundle } from './support/bundle'
import { holdsFor } from './support/holdsFor'
import type { AppPage } from './support/openApp'
import { setBackendFaults, setFaults } from './support/setFaults'
import { useApp } from './support/useApp'
import { html, usePages } from './support/usePages'
import { vendorSnippet } from '@widgent/test-utils/vendorSnippet'

/**
 * A token route fault: the backend's knobs, the error the status line must show, and the statuses the backend
 * answered meanwhile (0: none, the page had given up), no more.
 */
interface TokenFault {
  fault: string
  knobs: TokenFaults
  error: 'unauthorized' | 'token-fetch' | 'invalid-token'
  requests: number[]
}

const TOKEN_FAULTS: TokenFault[] = [
  // Signed out on the server: no retry.
  { fault: '401', knobs: { tokenStatus: 401 }, error: 'unauthorized', requests: [401] },
  { fault: '403', knobs: { tokenStatus: 403 }, error: 'unauthorized', requests: [403] },
  // May get better: three tries, then the failure stands.
  { fault: '500', knobs: { tokenStatus: 500 }, error: 'token-fetch', requests: [500, 500, 500] },
  // A bad answer does not get better by asking again.
  { fault: 'malformed JSON', knobs: { tokenBody: 'malformed-json' }, error: 'invalid-token', requests: [200] },
  { fault: 'an HTML page', knobs: { tokenBody: 'html' }, error: 'invalid-token', requests: [200] },
  { fault: 'JSON with no token', knobs: { tokenBody: 'no-token' }, error: 'invalid-token', requests: [200] },
  {
    fault: 'a token that is not a string',
    knobs: { tokenBody: 'number-token' },
    error: 'invalid-token',
    requests: [200],
  },
  { fault: 'an already expired token', knobs: { tokenBody: 'expired-token' }, error: 'invalid-token', requests: [200] },
]
const TIMEOUT: TokenFault = {
  fault: 'nothing within tokenTimeoutMs',
  knobs: { tokenDelayMs: 20_000 },
  error: 'token-fetch',
  requests: [0, 0, 0],
}

/**
 * The fault matrix, in the React app (the kit's behaviour is the core's, and `appSpec` runs the script 404, the
 * widget that never gets ready, the 502s and the dropped session in every app). Each fault ends in its typed error
 * in the status line, an app that still works, a counted and bounded number of requests, and recovery once the
 * fault clears.
 */
describe('the fault matrix (React playground)', () => {
  const app = useApp('react')
  const statuses = (since: number) =>
    app.backend
      .tokenRequests()
      .filter((request) => request.at >= since)
      .map((request) => request.status)

  /** Signs in as Ada under `knobs`, checks the error and the requests, clears the fault, Retry, then signs out. */
  async function playTokenFault(page: AppPage, { knobs, error, requests }: TokenFault) {
    await setBackendFaults(app.backend.url, knobs)
    const start = Date.now()
    await page.click('Sign in as Ada')
    // The app's own sign-in works; the kit says why the widget has no token for Ada.
    await page.waitForSignedInAs('Signed in as Ada Lovelace')
    // Three tries of tokenTimeoutMs at most, and the backoff between them.
    await page.waitForStatus({ identity: 'error', user: 'ada', error }, 30_000)
    expect(await page.panelIdentity()).toBe('anonymous')
    await expect.poll(() => statuses(start)).toEqual(requests)
    await holdsFor(1000, () => expect(statuses(start)).toEqual(requests))

    await setBackendFaults(app.backend.url, null)
    await page.click('Retry')
    await page.waitForStatus({ identity: 'identified', user: 'ada', error: '' })
    await page.waitForPanel('ada')
    await page.click('Sign out')
    await page.waitForStatus({ identity: 'anonymous', user: '', error: '' })
    await page.waitForPanel('anonymous')
    expect(statuses(start)).toEqual([...requests, 200])
  }

  describe('token route faults, one after another in one page', () => {
    const shared = app.shared()
    /** The page as each of these tests starts: signed out, the widget ready and anonymous (whatever a failed test left). */
    const signedOut = async () => {
      const { page } = shared
      await page.waitForStatus({ widget: 'ready' })
      if ((await page.status()).user) await page.click('Sign out')
      await page.waitForStatus({ identity: 'anonymous', user: '' })
      return page
    }

    it.each(TOKEN_FAULTS)(
      'token route answers $fault: $error, $requests.length request(s), Retry recovers',
      async (fault) => {
        await playTokenFault(await signedOut(), fault)
      },
    )

    // Through the dev server's proxy a connection the backend drops reaches the page as a 502: the browser's own
    // connection is reset instead, so the kit sees what a page sees when the network fails.
    it('the connection to the token route is reset: token-fetch after 3 tries, none reaching the backend, Retry recovers', async () => {
      const page = await signedOut()
      let resets = 0
      await page.page.route('**/api/widgent-token', (route) => {
        resets++
        return route.abort('connectionreset')
      })
      onTestFinished(() => page.page.unrouteAll())
      const start = Date.now()
      await page.click('Sign in as Ada')
      await page.waitForStatus({ identity: 'error', user: 'ada', error: 'token-fetch' })
      expect(await page.panelIdentity()).toBe('anonymous')
      await holdsFor(1000, () => expect(resets).toBe(3))

      await page.page.unrouteAll()
      await page.click('Retry')
      await page.waitForStatus({ identity: 'identified', user: 'ada', error: '' })
      await page.waitForPanel('ada')
      await page.click('Sign out')
      await page.waitForStatus({ identity: 'anonymous', user: '' })
      expect([resets, statuses(start)]).toEqual([3, [200]])
    })

    it('token route answers 500 twice, then a token: identified with no error and no user action', async () => {
      const page = await signedOut()
      await setBackendFaults(app.backend.url, { tokenStatus: 500, tokenFailCount: 2 })
      const start = Date.now()
      await page.click('Sign in as Ada')
      await page.waitForStatus({ identity: 'identified', user: 'ada', error: '' })
      await page.waitForPanel('ada')
      expect(statuses(start)).toEqual([500, 500, 200])
      await page.click('Sign out')
      await page.waitForStatus({ identity: 'anonymous', user: '' })
    })
  })

  it(`token route answers ${TIMEOUT.fault}: ${TIMEOUT.error}, 3 requests, Retry recovers`, async () => {
    // Long enough for a real token once the fault is gone on a machine loaded many times over. Three tries of it
    // make the failure (about 10.5 s with the backoff).
    const page = await app.open('?tokenTimeoutMs=3000')
    await page.waitForStatus({ widget: 'ready', identity: 'anonymous' })
    await playTokenFault(page, TIMEOUT)
  })

  it('a slow widget script (loaded within loadTimeoutMs) still works, and a sign-in meanwhile waits for it', async () => {
    await setFaults(app.emulator.url, { script: 'slow', scriptDelayMs: 1500 })
    // The script waits in the browser until Ada has signed in, then 1.5 s more at the emulator: the sign-in comes
    // while it loads, however slow the machine.
    const start = Date.now()
    const page = await app.open('?loadTimeoutMs=10000', { hold: `${app.emulator.url}/widget.js` })
    await page.waitForStatus({ widget: 'loading' })
    await page.click('Sign in as Ada')
    await page.waitForSignedInAs('Signed in as Ada Lovelace')
    expect(await page.status()).toMatchObject({ widget: 'loading', user: 'ada' })
    page.release()
    await page.waitForStatus({ widget: 'ready', identity: 'identified', user: 'ada', error: '' })
    await page.waitForPanel('ada')
    expect(Date.now() - start).toBeGreaterThanOrEqual(1500)
    expect(await page.scriptTags()).toBe(1)
    expect(await page.widgetInits()).toBe(1)
    expect(app.emulator.log()).toMatchObject({ scriptLoads: 1, inits: [{}] })
    expect(statuses(start)).toEqual([200])
  })

  // The apps' HTML is Vite's: these are the suite's own pages, with the widget in their HTML and the kit (core) after it.
  const pages = usePages(async () => ({
    '/tag-in-html': {
      type: 'text/html',
      body: html({ script: '/kit.js', head: `<script src="${app.emulator.url}/widget.js"></script>` }),
    },
    '/tag-and-snippet': {
      type: 'text/html',
      body: html({
        script: '/kit.js',
        head: `<script src="${app.emulator.url}/widget.js"></script><script>${vendorSnippet(DEMO_PRODUCT.productId, DEMO_PRODUCT.serviceKey)}</script>`,
      }),
    },
    '/async-tag': {
      type: 'text/html',
      body: html({ script: '/kit.js', head: `<script async src="${app.emulator.url}/widget.js"></script>` }),
    },
    '/kit.js': { type: 'text/javascript', body: await bundle('kit.ts') },
    '/api/widgent-token': widgentTokenHandler({
      getUser: () => DEMO_USERS.ada,
      apiUrl: app.emulator.url,
      productId: DEMO_PRODUCT.productId,
      verificationSecret: DEMO_PRODUCT.verificationSecret,
    }),
  }))

  const scriptUrl = () => encodeURIComponent(`${app.emulator.url}/widget.js`)

  it("the page's own widget tag and the vendor's snippet, plus the kit: one tag, one init (the page's), one panel, identified", async () => {
    const page = await pages.open(`/tag-and-snippet?user=ada&scriptUrl=${scriptUrl()}`)
    await page.waitForStatus({ widget: 'ready', identity: 'identified', user: 'ada', error: '' })
    await page.waitForPanel('ada')
    expect(await page.scriptTags()).toBe(1)
    expect(await page.widgetInits()).toBe(1)
    expect(await page.page.locator('widgent-panel').count()).toBe(1)
    expect(app.emulator.log()).toMatchObject({ scriptLoads: 1, inits: [{}] })
  })

  it("a widget tag in the page's HTML still loading when the kit starts: the kit initialises it, once", async () => {
    // The page's tag waits in the browser until the kit has started and found it loading.
    const page = await pages.open(`/async-tag?user=ada&scriptUrl=${scriptUrl()}`, {
      hold: `${app.emulator.url}/widget.js`,
    })
    await page.waitForStatus({ widget: 'loading', user: 'ada' })
    page.release()
    await page.waitForStatus({ widget: 'ready', identity: 'identified', user: 'ada', error: '' })
    await page.waitForPanel('ada')
    expect(await page.scriptTags()).toBe(1)
    expect(app.emulator.log()).toMatchObject({ scriptLoads: 1, inits: [{}], tokens: [{ userId: 'ada' }] })
  })

  it("a widget tag in the page's HTML that nobody initialises: the kit never inits the page's widget, times out, then loads its own", async () => {
    // Long enough for the kit's own widget to get ready on a machine loaded many times over (1.5 s was not, for a Retry).
    const page = await pages.open(`/tag-in-html?user=ada&loadTimeoutMs=5000&scriptUrl=${scriptUrl()}`)
    await page.waitForStatus({ widget: 'ready', identity: 'identified', user: 'ada', error: '' }, 30_000)
    await page.waitForPanel('ada')
    expect(await page.scriptTags()).toBe(1)
    expect(await page.page.locator('widgent-panel').count()).toBe(1)
    // The page's tag, then the kit's own once the first try timed out: one init, the kit's.
    expect(app.emulator.log()).toMatchObject({ scriptLoads: 2, inits: [{}] })
  })
})
