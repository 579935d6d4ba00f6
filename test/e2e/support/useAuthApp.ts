import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core'
import { afterAll, beforeAll, beforeEach, inject } from 'vitest'
import { DEMO_PRODUCT, startEmulator, type Emulator } from '@widgent/emulator'
import { startAuthApp, type AuthAppName, type AuthAppServer } from '@widgent/playground-stack'
import { openApp, openTab, type AppPage } from './openApp'

/** An answer of the app's token route, as the browser saw it. */
export interface TokenAnswer {
  /** Which tab asked: 1 for the first. */
  tab: number
  status: number
  at: number
}

/** A tab of an auth app, with what the tests count in it. */
export class AuthTab {
  constructor(
    readonly app: AppPage,
    readonly number: number,
    private readonly answers: TokenAnswer[],
  ) {}

  get page(): Page {
    return this.app.page
  }

  /** The token route's answers to this tab since `since` (ms epoch). */
  tokenAnswers(since = 0): TokenAnswer[] {
    return this.answers.filter((answer) => answer.tab == this.number && answer.at >= since)
  }

  /** The kit's `onError` calls, which each app logs as `[widgent] onError: <code>`. */
  onErrors(): string[] {
    return this.app.consoleLines.filter((line) => line.includes('[widgent] onError:'))
  }

  /** What Chromium logs for a token route answering 401: "Failed to load resource: ... status of 401". */
  logged401s(): string[] {
    return this.app.consoleLines.filter((line) => /status of 401/.test(line))
  }

  /** Console errors and warnings, page errors, and any word of hydration. */
  troubles(): string[] {
    return this.app.consoleLines.filter((line) => /^\[(error|warning|pageerror)\]/.test(line) || /hydrat/i.test(line))
  }
}

export interface AuthAppUnderTest {
  /** The app's URL, with a trailing slash. */
  url: string
  emulator: Emulator
  /** How long its build took (ms). */
  buildMs: number
  /** `path` in a browser profile of its own (cookies, storage), closed when the test ends. */
  open(path?: string): Promise<AuthTab>
  /** Another tab of `first`'s profile at `path`. */
  openTab(first: AuthTab, path?: string): Promise<AuthTab>
}

const TOKEN_ROUTE = '/api/widgent-token'

/**
 * One auth app (`playground/<name>`), built and served as it ships (`startAuthApp` from the stack) against an emulator
 * of its own, for the tests of the calling `describe` block. Every answer of its token route is recorded per tab.
 * Before each test the emulator forgets its faults, its log and any short token lifetime.
 */
export function useAuthApp(name: AuthAppName): AuthAppUnderTest {
  let browser: Browser | undefined
  let emulator: Emulator | undefined
  let server: AuthAppServer | undefined
  const app = {} as AuthAppUnderTest
  // Each profile's token answers, shared by its tabs.
  const profiles = new WeakMap<BrowserContext, TokenAnswer[]>()
  // A tab's number is its place among the profile's pages, which keep the order they were opened in.
  const numberOf = (page: Page) => page.context().pages().indexOf(page) + 1

  beforeAll(async () => {
    browser = await chromium.connect(inject('browserWsEndpoint'))
    emulator = await startEmulator({ faults: true })
    server = await startAuthApp(name, { ...DEMO_PRODUCT, apiUrl: emulator.url, scriptUrl: `${emulator.url}/widget.js` })
    console.log(`${name}: build ${(server.buildMs / 1000).toFixed(1)} s`)
    Object.assign(app, {
      url: server.url,
      emulator,
      buildMs: server.buildMs,
      async open(path = '') {
        const answers: TokenAnswer[] = []
        const first = await openApp(browser!, name, `${server!.url}${path}`, {
          init(context) {
            profiles.set(context, answers)
            context.on('response', (response) => {
              if (new URL(response.url()).pathname != TOKEN_ROUTE) return
              answers.push({
                tab: numberOf(response.request().frame().page()),
                status: response.status(),
                at: Date.now(),
              })
            })
          },
        })
        return new AuthTab(first, numberOf(first.page), answers)
      },
      async openTab(first: AuthTab, path = '') {
        const tab = await openTab(first.app, `${server!.url}${path}`)
        return new AuthTab(tab, numberOf(tab.page), profiles.get(first.page.context())!)
      },
    } satisfies AuthAppUnderTest)
  }, 300_000)

  afterAll(async () => {
    await browser?.close()
    await server?.close()
    await emulator?.close()
  })

  beforeEach(async () => {
    await fetch(`${app.emulator.url}/__emulator/faults`, { method: 'DELETE' })
    await fetch(`${app.emulator.url}/__emulator/log`, { method: 'DELETE' })
    app.emulator.setTokenTtl(3600)
  })

  return app
}
