import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { DEMO_PRODUCT } from '@widgent/emulator'
import { widgentTokenHandler } from '@widgent/server'
import { DEMO_USERS, type DemoUserId } from '@widgent/test-utils/demo'
import { bundlePages } from './bundlePages'
import { pageHtml } from './pageHtml'
import { FRAMEWORKS, VARIANTS, type Framework, type Variant } from './variants'

export interface PageServer {
  /** No trailing slash. */
  url: string
  /** The page of `framework` and `variant`; `as` signs that demo user in (the answer sets the session cookie). */
  pageUrl(framework: Framework, variant: Variant, as?: DemoUserId): string
  close(): Promise<void>
}

/**
 * The page-load bench's site on a free port of 127.0.0.1: `/<framework>/<variant>` pages, their bundles, and
 * `/api/widgent-token` (`@widgent/server`'s handler, minting through the emulator at `emulatorUrl` for the user the
 * `bench_user` cookie names). `?as=<user>` on a page sets that cookie, so Playwright and Lighthouse sign in alike.
 * Nothing is cached (`no-store`) and nothing is compressed: every load fetches every byte.
 */
export async function startPageServer(emulatorUrl: string): Promise<PageServer> {
  const bundles = await bundlePages()
  const userOf = (cookie = '') => DEMO_USERS[/(?:^|; )bench_user=(\w+)/.exec(cookie)?.[1] as DemoUserId] ?? null
  const tokenRoute = widgentTokenHandler({
    getUser: (req) => userOf(req.headers.cookie),
    apiUrl: emulatorUrl,
    productId: DEMO_PRODUCT.productId,
    verificationSecret: DEMO_PRODUCT.verificationSecret,
  })
  const scriptUrl = `${emulatorUrl}/widget.js`

  const server = createServer((req, res) => {
    const url = new URL(req.url!, 'http://127.0.0.1')
    if (url.pathname == '/api/widgent-token') return void tokenRoute(req, res)
    const bundle = /^\/([\w-]+)\.js$/.exec(url.pathname)?.[1]
    if (bundle && bundles[bundle])
      return void res
        .writeHead(200, { 'Content-Type': 'text/javascript', 'Cache-Control': 'no-store' })
        .end(bundles[bundle])
    const [, framework, variant] = url.pathname.split('/') as [string, Framework, Variant]
    if (!FRAMEWORKS.includes(framework) || !VARIANTS.includes(variant)) return void res.writeHead(404).end()
    const as = url.searchParams.get('as') as DemoUserId | null
    const user = as ? (DEMO_USERS[as] ?? null) : userOf(req.headers.cookie)
    res.writeHead(200, {
      'Content-Type': 'text/html; charset=utf-8',
      'Cache-Control': 'no-store',
      ...(as && user ? { 'Set-Cookie': `bench_user=${user.id}; Path=/; HttpOnly; SameSite=Lax` } : {}),
    })
    res.end(pageHtml(framework, variant, { scriptUrl, user: user && { id: user.id, name: user.name } }))
  })
  server.listen(0, '127.0.0.1')
  await new Promise((resolve, reject) => server.once('listening', resolve).once('error', reject))
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  return {
    url,
    pageUrl: (framework, variant, as) => `${url}/${framework}/${variant}${as ? `?as=${as}` : ''}`,
    close() {
      server.closeAllConnections()
      return new Promise((resolve) => server.close(() => resolve()))
    },
  }
}
