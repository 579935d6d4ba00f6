import type { BrowserContext, Locator } from 'playwright-core'
import { expect, it } from 'vitest'
import { holdsFor } from './holdsFor'
import type { AppPage } from './openApp'
import { setFaults } from './setFaults'
import type { AppUnderTest } from './useApp'

/** A layout shift the page saw (PerformanceObserver 'layout-shift', buffered): its score and what moved. */
interface LayoutShift {
  value: number
  hadRecentInput: boolean
  sources: string[]
}

declare global {
  interface Window {
    __layoutShifts: LayoutShift[]
  }
}

// The facade's accessible name in each of its views (the kit's defaults).
const IDLE = 'Open chat'
const LOADING = 'Loading chat…'
const FAILED = 'Chat failed to load. Try again'
const ANY_VIEW = /^(Open chat|Loading chat…|Chat failed to load\. Try again)$/

/** Where the facade and the widget's launcher both sit in the 1100 x 640 viewport: 56 px, 20 px from the bottom-right corner. */
const LAUNCHER_BOX = { x: 1100 - 20 - 56, y: 640 - 20 - 56, width: 56, height: 56 }

/** Every layout shift from the page's start, recorded in the page. */
function recordLayoutShifts() {
  window.__layoutShifts = []
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries() as Array<
      PerformanceEntry & { value: number; hadRecentInput: boolean; sources: Array<{ node?: Node | null }> }
    >) {
      const sources = entry.sources.map(({ node }) =>
        node instanceof Element
          ? `${node.localName}${node.className ? `.${node.className}` : ''}`
          : String(node?.nodeName),
      )
      window.__layoutShifts.push({ value: entry.value, hadRecentInput: entry.hadRecentInput, sources })
    }
  }).observe({ type: 'layout-shift', buffered: true })
}

/** The browser asks pages to save data (Chromium offers no switch for it: navigator.connection, defined before any script). */
function saveData() {
  Object.defineProperty(navigator, 'connection', { configurable: true, value: { saveData: true, effectiveType: '4g' } })
}

/**
 * The launcher facade (`?launcher=facade`: `load: 'interaction'` and the binding's facade), the same for React, Vue and
 * Svelte, against the default and the strict emulator. The strict widget has no `open` command: there the facade's
 * click loads the widget identified, the facade gives way to the widget's own launcher, and that launcher opens it.
 */
export function facadeSpec(app: AppUnderTest) {
  const { strict } = app

  /**
   * The app in facade mode, with every widget script request the page makes counted from before it loads. With
   * `holdScript`, the script's requests wait in the browser until `page.release()`: the load stays under way while a
   * test presses a key or the mouse button on the facade. The pointer's arrival (or the focus) already starts the
   * load, and a widget ready before the press that follows would have taken the facade's place, the press landing
   * on the widget's own launcher instead.
   */
  const openFacade = async ({ query = '', saveData: saving = false, holdScript = false } = {}) => {
    const scriptRequests: string[] = []
    const page = await app.open(`?launcher=facade${query}`, {
      async init(context: BrowserContext) {
        context.on('request', (request) => {
          if (request.url().startsWith(`${app.emulator.url}/widget.js`)) scriptRequests.push(request.url())
        })
        await context.addInitScript(recordLayoutShifts)
        if (saving) await context.addInitScript(saveData)
      },
      hold: holdScript ? `${app.emulator.url}/widget.js` : undefined,
    })
    return Object.assign(page, { scriptRequests: () => scriptRequests.length })
  }
  type FacadePage = Awaited<ReturnType<typeof openFacade>>

  /** The facade in the view named `name`; any view when absent. Role locators skip hidden elements: gone once hidden. */
  const facade = (page: AppPage, name: string | RegExp = ANY_VIEW): Locator =>
    page.page.getByRole('button', { name, exact: true })
  const widgetLauncher = (page: AppPage) => page.panel.getByRole('button', { name: 'Widgent chat', exact: true })
  const scriptLoads = () => app.emulator.log().scriptLoads
  const tokenRequests = (since: number) => app.backend.tokenRequests().filter((request) => request.at >= since)

  /**
   * The page settled with no intent shown: the facade on screen, auth settled, the network quiet (500 ms with no
   * request) and the main thread idle. `'idle'` loading would have started by then; the facade must not.
   */
  const settle = async (page: FacadePage, status: { identity: string; user?: string } = { identity: 'anonymous' }) => {
    await facade(page, IDLE).waitFor({ state: 'visible' })
    await page.waitForStatus({ widget: 'idle', ...status })
    await page.page.waitForLoadState('networkidle')
    await page.page.evaluate(
      () => new Promise<void>((resolve) => requestIdleCallback(() => resolve(), { timeout: 5000 })),
    )
  }

  /** Signed in as Ada with the header's button; the widget not loaded, so no token asked for yet. */
  const signInAsAda = async (page: FacadePage) => {
    // Settled first: a server-rendered page's buttons do nothing until it has hydrated.
    await settle(page)
    await page.click('Sign in as Ada')
    await page.waitForSignedInAs('Signed in as Ada Lovelace')
    // `signed-in`: no token asked for yet; the request starts with the load (see the core's WidgentState).
    await settle(page, { identity: 'signed-in', user: 'ada' })
  }

  const expectFacadeGone = async (page: FacadePage) => {
    await expect.poll(() => facade(page).count()).toBe(0)
  }

  /**
   * The widget is ready and has taken over: the facade gone, the widget's own launcher in its place, one script tag
   * and one init, after `scriptRequests` requests for the script (one, unless failed tries came first).
   */
  const expectTakenOver = async (page: FacadePage, scriptRequests = 1) => {
    await page.waitForStatus({ widget: 'ready', error: '' })
    await expectFacadeGone(page)
    await widgetLauncher(page).waitFor({ state: 'visible' })
    expect(await page.scriptTags()).toBe(1)
    expect(await page.widgetInits()).toBe(1)
    expect(page.scriptRequests()).toBe(scriptRequests)
  }

  /**
   * What the facade's click (or Enter, Space) leads to. Default emulator: the `open` command the facade sent once
   * the widget was ready opens the panel. Strict: the widget refuses that undocumented command, the panel stays
   * closed, and the user opens it with the widget's own launcher, which stands where the facade was.
   */
  const expectOpenedAfterActivation = async (
    page: FacadePage,
    identity: string,
    openWithLauncher: (launcher: Locator) => Promise<void>,
    scriptRequests = 1,
  ) => {
    await expectTakenOver(page, scriptRequests)
    await page.waitForPanel(identity)
    if (strict) {
      // The kit held the command until widgent:ready (a strict widget drops what comes before), and the widget refused it.
      expect(
        await page.page.evaluate(
          () => (window.widgent as unknown as { __emulator: { dropped: string[] } }).__emulator.dropped,
        ),
      ).toEqual([])
      await expect.poll(() => page.consoleLines).toContain('[error] Widgent: unknown command "open".')
      expect(await page.panel.getAttribute('data-open')).toBe('false')
      await openWithLauncher(widgetLauncher(page))
    }
    await expect.poll(() => page.panel.getAttribute('data-open')).toBe('true')
    // Opening puts the focus in the panel's message input.
    await expect
      .poll(() =>
        page.page.evaluate(() => document.activeElement?.shadowRoot?.activeElement?.getAttribute('name') ?? null),
      )
      .toBe('text')
    expect(await page.panelIdentity()).toBe(identity)
  }

  it('loads nothing until intent: no widget script, no token, the widget idle, the facade where the launcher will be', async () => {
    const page = await openFacade()
    await settle(page)
    await holdsFor(1000, () => {
      expect(page.scriptRequests()).toBe(0)
      expect(scriptLoads()).toBe(0)
    })
    expect(await page.status()).toMatchObject({ widget: 'idle', identity: 'anonymous', error: '' })
    expect(await page.scriptTags()).toBe(0)
    expect(await page.page.evaluate(() => typeof window.widgent)).toBe('undefined')
    expect(await page.panel.count()).toBe(0)
    expect(app.emulator.log().inits).toEqual([])

    const button = facade(page, IDLE)
    expect(await button.evaluate((element) => element.localName)).toBe('button')
    expect(await button.getAttribute('aria-busy')).toBe('false')
    expect(await button.boundingBox()).toEqual(LAUNCHER_BOX)
  })

  it('the header switches between Eager and Facade, keeping the rest of the query', async () => {
    const page = await openFacade({ query: '&loadTimeoutMs=5000' })
    await settle(page)
    expect(await page.page.getByRole('link', { name: 'Facade' }).getAttribute('aria-current')).toBe('page')

    await page.page.getByRole('link', { name: 'Eager' }).click()
    await page.page.waitForURL((url) => !url.searchParams.has('launcher'))
    expect(new URL(page.page.url()).searchParams.get('loadTimeoutMs')).toBe('5000')
    expect(await page.page.getByRole('link', { name: 'Eager' }).getAttribute('aria-current')).toBe('page')
    // Eager: the widget loads with no intent, and there is no facade.
    await page.waitForStatus({ widget: 'ready', identity: 'anonymous' })
    await page.waitForPanel('anonymous')
    expect(await facade(page).count()).toBe(0)
    expect(page.scriptRequests()).toBe(1)

    await page.page.getByRole('link', { name: 'Facade' }).click()
    await page.page.waitForURL(
      (url) => url.searchParams.get('launcher') == 'facade' && url.searchParams.get('loadTimeoutMs') == '5000',
    )
    await settle(page)
    expect(page.scriptRequests()).toBe(1)
  })

  it("hovering the facade starts the load, script and Ada's token, with no click; the panel stays closed", async () => {
    const page = await openFacade()
    const start = Date.now()
    await signInAsAda(page)
    expect(tokenRequests(start)).toEqual([])
    expect(page.scriptRequests()).toBe(0)

    await facade(page, IDLE).hover()
    await expect.poll(() => page.scriptRequests()).toBe(1)
    await expect.poll(() => tokenRequests(start)).toMatchObject([{ userId: 'ada', status: 200 }])
    await expectTakenOver(page)
    await page.waitForStatus({ identity: 'identified', user: 'ada' })
    await page.waitForPanel('ada')
    // Intent loads; only a click opens.
    expect(await page.panel.getAttribute('data-open')).toBe('false')
    expect(scriptLoads()).toBe(1)
  })

  it(
    strict
      ? 'signed in as Ada, a click on the facade loads the widget identified; the open command is not documented, so the widget launcher in its place opens the panel'
      : 'signed in as Ada, a click on the facade opens the panel identified as Ada',
    async () => {
      const page = await openFacade({ holdScript: true })
      const start = Date.now()
      await signInAsAda(page)
      await facade(page, IDLE).click()
      // While the script comes, the facade says so.
      expect(await facade(page, LOADING).getAttribute('aria-busy')).toBe('true')
      page.release()
      await expectOpenedAfterActivation(page, 'ada', (launcher) => launcher.click())
      expect(await page.panel.getAttribute('data-name')).toBe('Ada Lovelace')
      expect(await page.send('Hello from Ada')).toBe('Hi Ada Lovelace! You said: "Hello from Ada"')
      expect(app.emulator.log().messages).toMatchObject([{ identity: 'ada', text: 'Hello from Ada', expired: false }])
      expect(tokenRequests(start)).toMatchObject([{ userId: 'ada', status: 200 }])
      expect(scriptLoads()).toBe(1)
    },
  )

  for (const key of ['Enter', 'Space']) {
    it(`keyboard: Tab reaches the facade and its focus starts the load; ${key} activates it`, async () => {
      const page = await openFacade({ holdScript: true })
      await settle(page)
      const onFacade = () =>
        page.page.evaluate(
          () =>
            document.activeElement?.matches('button[aria-label="Open chat"], button[aria-label="Loading chat…"]') ??
            false,
        )
      for (let presses = 0; !(await onFacade()); presses++) {
        // The header's links and buttons come first; passing them loads nothing.
        expect(page.scriptRequests()).toBe(0)
        expect(presses, 'Tab never reached the facade').toBeLessThan(15)
        await page.page.keyboard.press('Tab')
      }
      await expect.poll(() => page.scriptRequests()).toBe(1)
      const loading = facade(page, LOADING)
      await loading.waitFor({ state: 'visible' })
      expect(await loading.getAttribute('aria-busy')).toBe('true')
      expect(await page.status()).toMatchObject({ widget: 'loading' })

      await page.page.keyboard.press(key)
      page.release()
      await expectOpenedAfterActivation(page, 'anonymous', (launcher) => launcher.press(key))
    })
  }

  it('Save-Data: hovering and focusing the facade load nothing; a click does', async () => {
    const page = await openFacade({ saveData: true })
    await settle(page)
    expect(
      await page.page.evaluate(() => (navigator as { connection?: { saveData?: boolean } }).connection?.saveData),
    ).toBe(true)

    const button = facade(page, IDLE)
    await button.hover()
    await button.focus()
    expect(await page.page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe(IDLE)
    await holdsFor(1000, () => {
      expect(page.scriptRequests()).toBe(0)
      expect(scriptLoads()).toBe(0)
    })
    expect(await page.status()).toMatchObject({ widget: 'idle' })
    expect(await button.getAttribute('aria-busy')).toBe('false')

    await button.click()
    await expectOpenedAfterActivation(page, 'anonymous', (launcher) => launcher.click())
    expect(scriptLoads()).toBe(1)
  })

  it('a failed load leaves the facade saying so; passing over it does not retry, a click does and the widget ends ready', async () => {
    await setFaults(app.emulator.url, { script: '404' })
    const page = await openFacade()
    await settle(page)
    await facade(page, IDLE).click()

    const failed = facade(page, FAILED)
    await failed.waitFor({ state: 'visible' })
    expect(await failed.getAttribute('aria-busy')).toBe('false')
    expect(await failed.boundingBox()).toEqual(LAUNCHER_BOX)
    await page.waitForStatus({ widget: 'error', error: 'script-load' })
    expect(await page.scriptTags()).toBe(0)
    // Three tries, then the failure stands.
    const rejected = () => app.emulator.log().rejected.filter((request) => request.path == '/widget.js').length
    expect(rejected()).toBe(3)
    expect(page.scriptRequests()).toBe(3)

    // The pointer leaves and comes back, the button gets the focus: no new try.
    await page.page.mouse.move(0, 0)
    await failed.hover()
    await failed.focus()
    await holdsFor(1000, () => expect(page.scriptRequests()).toBe(3))
    expect(await failed.getAttribute('aria-busy')).toBe('false')

    await setFaults(app.emulator.url, null)
    await failed.click()
    await expectOpenedAfterActivation(page, 'anonymous', (launcher) => launcher.click(), 4)
    expect(app.emulator.log()).toMatchObject({ scriptLoads: 1, inits: [{}] })
  })

  it("no layout shift: the widget's launcher takes the facade's exact box, and CLS stays 0", async () => {
    const page = await openFacade()
    await settle(page)
    const before = await facade(page, IDLE).boundingBox()
    expect(before).toEqual(LAUNCHER_BOX)

    // A hover is not input that excuses a shift (hadRecentInput): anything that moves from here on counts.
    await facade(page, IDLE).hover()
    await expectTakenOver(page)
    expect(await widgetLauncher(page).boundingBox()).toEqual(before)
    expect(await page.panel.boundingBox()).toEqual(before)
    // Two frames after the takeover, so any shift it caused has been reported.
    await page.page.evaluate(
      () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))),
    )
    const shifts = await page.page.evaluate(() => window.__layoutShifts)
    expect(shifts).toEqual([])
    expect(shifts.filter((shift) => !shift.hadRecentInput).reduce((cls, shift) => cls + shift.value, 0)).toBe(0)
  })
}
