import { chromium, type Browser } from 'playwright-core'
import { afterAll, beforeAll, beforeEach, inject } from 'vitest'
import { DEMO_PRODUCT, startEmulator, type Emulator } from '@widgent/emulator'
import { buildNextApp, pickPort, startNextApp, type AppServer } from '@widgent/playground-stack'
import { openApp, type AppPage, type OpenAppOptions } from './openApp'

export interface NextAppUnderTest {
  /** The app's URL, with a trailing slash. */
  url: string
  emulator: Emulator
  /** How long `next build` took (ms). */
  buildMs: number
  /** The app in a browser context of its own (cookies included), closed when the test ends. */
  open(query?: string, options?: Pick<OpenAppOptions, 'hold'>): Promise<AppPage>
}

/**
 * The playground's Next.js app built the way a user builds it (`next build`, Turbopack or webpack) against an emulator
 * of its own (faults enabled), then served by `next start` on a free port, for the tests of the calling `describe`
 * block. The build comes after the emulator starts: NEXT_PUBLIC_WIDGENT_SCRIPT_URL is written into it. Before each
 * test the emulator forgets its faults, its log and any short token lifetime.
 */
export function useNextApp(bundler: 'turbopack' | 'webpack'): NextAppUnderTest {
  let browser: Browser | undefined
  let emulator: Emulator | undefined
  let server: AppServer | undefined
  const app = {} as NextAppUnderTest

  beforeAll(async () => {
    browser = await chromium.connect(inject('browserWsEndpoint'))
    emulator = await startEmulator({ faults: true })
    const service = { ...DEMO_PRODUCT, apiUrl: emulator.url, scriptUrl: `${emulator.url}/widget.js` }
    const buildMs = await buildNextApp(service, { bundler })
    server = await startNextApp('start', { port: await pickPort(0), service })
    Object.assign(app, {
      url: server.url,
      emulator,
      buildMs,
      open: (query = '', options: Pick<OpenAppOptions, 'hold'> = {}) =>
        openApp(browser!, `next-${bundler}`, `${server!.url}${query}`, options),
    })
  }, 900_000) // next build: 16-44 s on an idle machine, 200 s (Turbopack) and over 600 s (webpack) with a load average of 30

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
