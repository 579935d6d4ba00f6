import { mkdir, writeFile } from 'node:fs/promises'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { expect, onTestFinished, type TestContext } from 'vitest'
import { holdRequests } from './holdRequests'

const ARTIFACTS = new URL('../artifacts/', import.meta.url)

/** The status line's data attributes: the kit's state as the app renders it. */
export interface Status {
  widget: string
  identity: string
  user: string
  error: string
  /** 'true' while the kit will try again by itself (`state.retryAt`). */
  retrying: string
}

/** A change of the widget panel's `data-identity`, as the page saw it. */
export interface IdentityChange {
  at: number
  identity: string
}

declare global {
  interface Window {
    __panelIdentities: IdentityChange[]
    __statusIdentities: string[]
    __firstStatus?: Element
  }
}

/** The emulator widget's test hooks, on `window.widgent.__emulator`. */
interface EmulatorHooks {
  inits: number
  answers: Array<{ at: number; identity: string }>
}
// Inside page.evaluate, which runs in the page: a cast, never a call to a function of this module.
type WithHooks = { __emulator?: EmulatorHooks } | undefined

export interface OpenAppOptions {
  /** The page outlives the test (see below). */
  shared?: boolean
  /** Runs on the new context before the page loads: init scripts, request listeners. */
  init?: (context: BrowserContext) => Promise<void> | void
  /**
   * Requests whose URL starts with this (the widget script's) wait in the browser until `AppPage.release()`: a load
   * stays under way as long as the test needs. The page is then returned once its document is parsed rather than
   * loaded, since a script held before the load event delays it.
   */
  hold?: string
}

/**
 * Opens `url` in a browser context of its own, recording the console and every identity the widget
 * panel shows. When the test ends the context closes; when it failed, a screenshot and the console
 * go to test/e2e/artifacts/ first. With `{ shared: true }` the page outlives the test: its opener calls
 * `saveArtifacts` after each test and closes the context (see `useApp`'s `shared`).
 */
export async function openApp(
  browser: Browser,
  app: string,
  url: string,
  { shared = false, init, hold }: OpenAppOptions = {},
): Promise<AppPage> {
  const context = await browser.newContext({ viewport: { width: 1100, height: 640 } })
  // A dev server's page loads dozens of modules, each compiled on request: slow, not a failure, on a busy machine.
  context.setDefaultNavigationTimeout(120_000)
  const consoleLines: string[] = []
  if (!shared) {
    onTestFinished(async ({ task }) => {
      await saveArtifacts(app, context, consoleLines, task)
      await context.close()
    })
  }
  // Every value of the panel's data-identity, in order, from the moment the panel appears; the same for the status
  // line (from the server's HTML on, when it renders one); and the first status element the page had, to tell
  // hydration from a re-render.
  await context.addInitScript(() => {
    window.__panelIdentities = []
    window.__statusIdentities = []
    new MutationObserver(() => {
      window.__firstStatus ??= document.querySelector('[data-testid=status]') ?? undefined
      const status = document.querySelector('[data-testid=status]')?.getAttribute('data-identity')
      if (status && status != window.__statusIdentities.at(-1)) window.__statusIdentities.push(status)
      const identity = document.querySelector('widgent-panel')?.getAttribute('data-identity')
      if (identity && identity != window.__panelIdentities.at(-1)?.identity)
        window.__panelIdentities.push({ at: Date.now(), identity })
    }).observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-identity'] })
  })
  await init?.(context)
  const release = hold ? await holdRequests(context, hold) : () => {}
  const page = await context.newPage()
  recordConsole(page, consoleLines)
  await page.goto(url, { waitUntil: hold ? 'domcontentloaded' : 'load' })
  return new AppPage(page, consoleLines, release)
}

/** Another tab of `first`'s browser profile (its cookies and storage), at `url`, its console recorded as `openApp` does. */
export async function openTab(first: AppPage, url: string): Promise<AppPage> {
  const page = await first.page.context().newPage()
  const consoleLines: string[] = []
  recordConsole(page, consoleLines)
  await page.goto(url)
  return new AppPage(page, consoleLines)
}

function recordConsole(page: Page, lines: string[]) {
  page.on('console', (message) => lines.push(`[${message.type()}] ${message.text()}`))
  page.on('pageerror', (error) => lines.push(`[pageerror] ${error.stack ?? error.message}`))
}

/** When `task` failed: a screenshot of the context's page and the console so far, in test/e2e/artifacts/. */
export async function saveArtifacts(
  app: string,
  context: BrowserContext,
  consoleLines: string[],
  task: TestContext['task'],
): Promise<void> {
  if (task.result?.state != 'fail') return
  const name = `${app}-${task.name}`.replace(/[^\w-]+/g, '-').slice(0, 120)
  await mkdir(ARTIFACTS, { recursive: true })
  await context
    .pages()[0]
    ?.screenshot({ path: new URL(`${name}.png`, ARTIFACTS).pathname })
    .catch(() => {})
  const errors = (task.result.errors ?? []).map((error) => error.stack ?? error.message)
  await writeFile(new URL(`${name}.txt`, ARTIFACTS), [...errors, '', 'Console:', ...consoleLines, ''].join('\n'))
}

/** What the tests read and do on an app's page. */
export class AppPage {
  constructor(
    readonly page: Page,
    /** `[type] text` for every console message and page error so far. */
    readonly consoleLines: string[],
    /** Lets the requests held with `OpenAppOptions.hold` go on to the server. */
    readonly release: () => void = () => {},
  ) {}

  /** The emulator's widget panel (Playwright's locators reach into its shadow root). */
  get panel() {
    return this.page.locator('widgent-panel')
  }

  status(): Promise<Status> {
    return this.page.locator('[data-testid=status]').evaluate((element: HTMLElement) => {
      const { widget = '', identity = '', user = '', error = '', retrying = '' } = element.dataset
      return { widget, identity, user, error, retrying }
    })
  }

  /** Waits until the status line shows at least these values. */
  async waitForStatus(expected: Partial<Status>, timeout = 15_000): Promise<void> {
    const selector = Object.entries(expected).map(([key, value]) => `[data-${key}="${value}"]`)
    await this.waitFor(`[data-testid=status]${selector.join('')}`, timeout, async () =>
      expect(await this.status()).toMatchObject(expected),
    )
  }

  /** When the kit will try again by itself (`state.retryAt`, ms since the epoch); null when it will not. */
  async retryAt(): Promise<number | null> {
    const at = await this.page.locator('[data-testid=status]').getAttribute('data-retry-at')
    return at ? Number(at) : null
  }

  /**
   * Waits until the app has started: its auth settled and the kit told who is signed in (the status line's identity
   * is no longer `unknown`). A dev server compiles the app's modules as the page first asks for them, which a busy
   * machine makes slow: the bounds of the waits that follow are then the kit's alone.
   */
  async waitForStart(timeout = 60_000): Promise<void> {
    await this.waitFor('[data-testid=status]:not([data-identity="unknown"])', timeout, async () =>
      expect((await this.status()).identity).not.toBe('unknown'),
    )
  }

  /** Who the widget would send messages as right now: `anonymous` or a user id; null while there is no panel. */
  panelIdentity(): Promise<string | null> {
    return this.page.evaluate(() => document.querySelector('widgent-panel')?.getAttribute('data-identity') ?? null)
  }

  async waitForPanel(identity: string, timeout = 15_000): Promise<void> {
    await this.waitFor(`widgent-panel[data-identity="${identity}"]`, timeout, async () =>
      expect(await this.panelIdentity()).toBe(identity),
    )
  }

  /** The header's sign-in line ("Signed in as Ada Lovelace"), from the app's auth layer. */
  signedInAs(): Promise<string | null> {
    return this.page.locator('header .who').textContent()
  }

  async waitForSignedInAs(text: string, timeout = 15_000): Promise<void> {
    await this.waitFor(`header .who:text-is("${text}")`, timeout, async () =>
      expect(await this.signedInAs()).toBe(text),
    )
  }

  /**
   * Waits for `selector` with the page doing the polling (a round trip per check would load a busy machine
   * more); on a timeout, `explain` fails with what the page shows instead.
   */
  private async waitFor(selector: string, timeout: number, explain: () => Promise<void>): Promise<void> {
    try {
      await this.page.locator(selector).waitFor({ state: 'attached', timeout })
    } catch (error) {
      await explain()
      throw error
    }
  }

  click(name: string): Promise<void> {
    return this.page.getByRole('button', { name, exact: true }).click()
  }

  /** Sends a message from the widget panel (opening it first with its launcher when it is closed) and resolves the agent's reply. */
  async send(text: string): Promise<string> {
    const closed = (await this.panel.getAttribute('data-open')) == 'false'
    if (closed) await this.panel.getByRole('button', { name: 'Widgent chat' }).click()
    const replies = this.panel.locator('li[data-from=agent], li[data-from=error]')
    const before = await replies.count()
    await this.panel.locator('input').fill(text)
    await this.panel.getByRole('button', { name: 'Send' }).click()
    await replies.nth(before).waitFor({ state: 'attached', timeout: 15_000 })
    return (await replies.nth(before).textContent()) ?? ''
  }

  /** Widget script tags in the page. */
  scriptTags(): Promise<number> {
    return this.page.locator('script[src$="/widget.js"]').count()
  }

  /** `init` calls the page's widget has seen (the emulator's test hook). */
  widgetInits(): Promise<number | undefined> {
    return this.page.evaluate(() => (window.widgent as unknown as WithHooks)?.__emulator?.inits)
  }

  /** Every fetcher answer the widget applied: a user id or `anonymous`. */
  answers(): Promise<Array<{ at: number; identity: string }>> {
    return this.page.evaluate(() => (window.widgent as unknown as WithHooks)?.__emulator?.answers ?? [])
  }

  /** Whether the status element is still the first one the page had. */
  keptFirstStatus(): Promise<boolean> {
    return this.page.evaluate(
      () => !!window.__firstStatus && window.__firstStatus == document.querySelector('[data-testid=status]'),
    )
  }

  /** Every identity the status line has shown since the page loaded (`data-identity`), in order. */
  statusIdentities(): Promise<string[]> {
    return this.page.evaluate(() => window.__statusIdentities)
  }

  /** Every identity the panel has shown, in order. */
  panelIdentities(): Promise<IdentityChange[]> {
    return this.page.evaluate(() => window.__panelIdentities)
  }
}
