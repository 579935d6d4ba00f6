import { chromium, type Browser } from 'playwright-core'
import { afterAll, beforeAll, inject } from 'vitest'
import { openApp, type AppPage, type OpenAppOptions } from './openApp'
import { servePages, type Route } from './servePages'

export interface TestPages {
  /** The pages' origin, no trailing slash. */
  url: string
  /**
   * `path` (with its query) in a browser context of its own, closed when the test ends; `init` and `hold` as in
   * `OpenAppOptions`.
   */
  open(path: string, options?: Pick<OpenAppOptions, 'init' | 'hold'>): Promise<AppPage>
}

/** The suite's own pages (see `servePages`) for the tests of one file; `routes` is called once, before the first test. */
export function usePages(routes: () => Promise<Record<string, Route>>): TestPages {
  let browser: Browser
  let close: (() => Promise<void>) | undefined
  const pages = {} as TestPages
  beforeAll(async () => {
    browser = await chromium.connect(inject('browserWsEndpoint'))
    const server = await servePages(await routes())
    close = server.close
    Object.assign(pages, {
      url: server.url,
      open: (path: string, options: Pick<OpenAppOptions, 'init' | 'hold'> = {}) =>
        openApp(browser, path.split('?')[0]!.slice(1), `${server.url}${path}`, options),
    })
  })
  afterAll(async () => {
    await browser?.close()
    await close?.()
  })
  return pages
}

/** A test page: a root element for a framework, `head`, and `script` as a module. */
export const html = ({ script, head = '', nonce }: { script: string; head?: string; nonce?: string }) =>
  `<!doctype html><html><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>${script}</title>${head}</head>` +
  `<body><div id="root"></div><script type="module" src="${script}"${nonce ? ` nonce="${nonce}"` : ''}></script></body></html>`
