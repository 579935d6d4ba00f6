import { chromium, type Browser } from 'playwright-core'
import { afterAll, afterEach, beforeAll, beforeEach, inject } from 'vitest'
import type { Emulator } from '@widgent/emulator'
import { startPlayground, type AppName, type Playground } from '@widgent/playground-stack'
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
  /**
   * The app in a browser context of its own (cookies included), closed when the test ends. `query` is the page's query
   * string; `init` runs on the context before the page loads (init scripts, request listeners).
   */
  open(query?: string, options?: Pick<OpenAppOptions, 'init'>): Promise<AppPage>
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
 */
export function useApp(name: AppName, { strict = false } = {}): AppUnderTest {
  let playground: Playground
  let browser: Browser
  const app = {
    name,
    strict,
    shared(query = '') {
      const shared = {} as { page: AppPage }
      beforeAll(async () => {
        shared.page = await openApp(browser, name, `${app.url}${query}`, { shared: true })
      })
      afterEach(({ task }) => shared.page && saveArtifacts(name, shared.page.page.context(), shared.page.consoleLines, task))
      afterAll(() => shared.page?.page.context().close())
      return shared
    },
  } as AppUnderTest

  beforeAll(async () => {
    browser = await chromium.connect(inject('browserWsEndpoint'))
    playground = await startPlayground({ apps: [name], ports: 'free', env: {}, logLevel: 'error', authLatencyMs: 100, watch: false, nuxt: 'build', angular: 'build', strict })
    Object.assign(app, {
      url: playground.apps[name]!,
      emulator: playground.emulator!,
      backend: playground.backend,
      open: (query = '', { init }: Pick<OpenAppOptions, 'init'> = {}) => openApp(browser, name, `${app.url}${query}`, { init }),
    })
    // The first visit makes the dev server prepare its dependencies (and may reload the page once): not in a test.
    const page = await browser.newPage()
    await page.goto(app.url)
    await page.waitForSelector('[data-testid=status][data-widget=ready]', { timeout: 60_000 })
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
