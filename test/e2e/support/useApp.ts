import { chromium, type Browser } from 'playwright-core'
import { afterAll, afterEach, beforeAll, beforeEach, inject } from 'vitest'
import type { Emulator } from '@widgent/emulator'
import { startPlayground, type AppName, type Playground, type PlaygroundOptions } from '@widgent/playground-stack'
import type { Backend } from '@widgent/playground-backend'
import { openApp, saveArtifacts, type AppPage, type OpenAppOptions } from './openApp'

export interface AppUnderTest {
  name: AppName
  /** Against the emulator's strict mode. */
  strict: boolean
  /** The app's URL, with a trailing slash. */
  url: string
  emulator: Emulator
  backend: Backend
  /** The FastAPI token route's URL, with `tokenRoute: 'fastapi'`. */
  fastapi: string | null
  /**
   * The app in a browser context of its own (cookies included), closed when the test ends, once it has started (see
   * `AppPage.waitForStart`). `query` is the page's query string; `init` runs on the context before the page loads
   * (init scripts, request listeners); `hold` holds requests until `AppPage.release()` (see `OpenAppOptions`).
   */
  open(query?: string, options?: Pick<OpenAppOptions, 'init' | 'hold'>): Promise<AppPage>
  /**
   * One page of the app for every test of the calling `describe` block, opened before the first and closed after the
   * last (no page load per test: the tests leave the page as they found it).
   */
  shared(query?: string): { readonly page: AppPage }
}

/**
 * One app of the playground, started the way `npm run playground` starts it (except the Nuxt and Angular apps, built
 * and served as they ship: `nuxi build` or `ng build`, then their Node servers; on free ports, against an
 * emulator of its own with faults enabled, and with no file watching, so nothing reloads a page mid-test),
 * for the tests of one file. Before each test the emulator
 * forgets its faults, its log and any short token lifetime, and the backend its token route's faults. `strict`: the
 * emulator offers only what the vendor page documents (tokens that are not JWTs, no ready flag, no command queue).
 * `tokenRoute: 'fastapi'`: the vendor page's FastAPI example answers the app's token requests (React, Vue, Svelte).
 */
export function useApp(
  name: AppName,
  { strict = false, tokenRoute = 'node' }: Pick<PlaygroundOptions, 'strict' | 'tokenRoute'> = {},
): AppUnderTest {
  let playground: Playground
  let browser: Browser
  const app = {
    name,
    strict,
    shared(query = '') {
      const shared = {} as { page: AppPage }
      beforeAll(async () => {
        shared.page = await openApp(browser, name, `${app.url}${query}`, { shared: true })
        await shared.page.waitForStart()
      })
      afterEach(
        ({ task }) => shared.page && saveArtifacts(name, shared.page.page.context(), shared.page.consoleLines, task),
      )
      afterAll(() => shared.page?.page.context().close())
      return shared
    },
  } as AppUnderTest

  beforeAll(async () => {
    browser = await chromium.connect(inject('browserWsEndpoint'))
    playground = await startPlayground({
      apps: [name],
      ports: 'free',
      env: {},
      logLevel: 'error',
      authLatencyMs: 100,
      watch: false,
      nuxt: 'build',
      angular: 'build',
      strict,
      tokenRoute,
    })
    Object.assign(app, {
      url: playground.apps[name]!,
      emulator: playground.emulator!,
      backend: playground.backend,
      fastapi: playground.fastapi,
      async open(query = '', options: Pick<OpenAppOptions, 'init' | 'hold'> = {}) {
        const page = await openApp(browser, name, `${app.url}${query}`, options)
        await page.waitForStart()
        return page
      },
    })
    // The first visit makes the dev server prepare its dependencies (and may reload the page once): not in a test.
    const page = await browser.newPage()
    await page.goto(app.url, { timeout: 180_000 })
    await page.waitForSelector('[data-testid=status][data-widget=ready]', { timeout: 180_000 })
    await page.close()
  })

  afterAll(async () => {
    await browser?.close()
    await playground?.close()
  })

  beforeEach(async () => {
    const { url } = app.emulator
    await fetch(`${url}/__emulator/faults`, { method: 'DELETE' })
    await fetch(`${url}/__emulator/log`, { method: 'DELETE' })
    app.emulator.setTokenTtl(3600)
    await fetch(`${app.backend.url}/api/__faults`, { method: 'DELETE' })
  })

  return app
}
