import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { DEMO_PRODUCT } from '@widgent/emulator'
import { widgentTokenHandler } from '@widgent/server'
import { DEMO_USERS, type DemoUserId } from '@widgent/test-utils/demo'
import { benchPage } from './benchPage'
import { PAGES, bundlePages, type PageName } from './bundlePages'

/** One request to the token route: the session's user (null: none) and the answer's status. */
export interface TokenRouteHit {
  userId: string | null
  status: number
}

export interface BenchServer {
  /** No trailing slash. */
  url: string
  /** Every token route request since the last `takeHits()`, which empties the list. */
  takeHits(): TokenRouteHit[]
  close(): Promise<void>
}

// Cross-origin isolation gives the pages' performance.now() 5 µs steps instead of 100 µs. `credentialless` still
// lets the emulator's widget script (another port) load without a CORP header.
const ISOLATED = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'credentialless',
  'Cache-Control': 'no-store',
}

/**
 * The bench's site on 127.0.0.1: the pages, their bundles and `/api/widgent-token` (`@widgent/server`'s handler,
 * minting through the emulator at `emulatorUrl` for the user the `bench_user` cookie names).
 */
export async function startBenchServer(emulatorUrl: string): Promise<BenchServer> {
  const bundles = await bundlePages()
  const hits: TokenRouteHit[] = []
  const userOf = (cookie = '') => DEMO_USERS[/(?:^|; )bench_user=(\w+)/.exec(cookie)?.[1] as DemoUserId] ?? null
  const tokenRoute = widgentTokenHandler({
    getUser: (req) => userOf(req.headers.cookie),
    apiUrl: emulatorUrl,
    productId: DEMO_PRODUCT.productId,
    verificationSecret: DEMO_PRODUCT.verificationSecret,
  })

  const server = createServer((req, res) => {
    const path = new URL(req.url!, 'http://127.0.0.1').pathname
    const name = path.slice(1).replace(/\.js$/, '') as PageName
    if (path == '/api/widgent-token') {
      const userId = userOf(req.headers.cookie)?.id ?? null
      res.on('finish', () => hits.push({ userId, status: res.statusCode }))
      return void tokenRoute(req, res)
    }
    if (!PAGES.includes(name)) return void res.writeHead(404).end()
    const script = path.endsWith('.js')
    res.writeHead(200, { ...ISOLATED, 'Content-Type': script ? 'text/javascript' : 'text/html' })
    res.end(script ? bundles[name] : benchPage(name, `${emulatorUrl}/widget.js`))
  })
  server.listen(0, '127.0.0.1')
  await new Promise((resolve, reject) => server.once('listening', resolve).once('error', reject))
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    takeHits: () => hits.splice(0),
    close() {
      server.closeAllConnections()
      return new Promise((resolve) => server.close(() => resolve()))
    },
  }
}
