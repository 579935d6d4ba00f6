// A stand-in for your app, run as Playwright's webServer runs yours: its page and its token route, which gets the
// emulator from WIDGENT_API_URL, WIDGENT_PRODUCT_ID and WIDGENT_VERIFICATION_SECRET (as @widgent/server reads them).
import { createServer } from 'node:http'
import { fileURLToPath } from 'node:url'
import { widgentTokenHandler } from '@widgent/server'
import { build } from 'esbuild'

const USERS = { ada: { id: 'ada', name: 'Ada Lovelace' }, grace: { id: 'grace', name: 'Grace Hopper' } }
const script = (
  await build({
    entryPoints: [fileURLToPath(new URL('page.ts', import.meta.url))],
    bundle: true,
    write: false,
    format: 'esm',
    logLevel: 'error',
  })
).outputFiles[0].text

const sessionUser = (req) => USERS[/(?:^|; )user=(\w+)/.exec(req.headers.cookie ?? '')?.[1]] ?? null
const tokenRoute = widgentTokenHandler({ getUser: sessionUser })

const server = createServer((req, res) => {
  const url = new URL(req.url, 'http://app')
  if (url.pathname == '/api/widgent-token') return tokenRoute(req, res)
  if (url.pathname == '/api/login') {
    const user = USERS[url.searchParams.get('user')] ?? null
    res.writeHead(user ? 200 : 400, {
      'Set-Cookie': `user=${user?.id ?? ''}; Path=/; HttpOnly`,
      'Content-Type': 'application/json',
    })
    return res.end(JSON.stringify(user))
  }
  if (url.pathname == '/api/logout') {
    res.writeHead(204, { 'Set-Cookie': 'user=; Path=/; Max-Age=0' })
    return res.end()
  }
  if (url.pathname == '/page.js') {
    res.writeHead(200, { 'Content-Type': 'text/javascript' })
    return res.end(script)
  }
  const settings = {
    scriptUrl: process.env.WIDGENT_SCRIPT_URL,
    productId: process.env.WIDGENT_PRODUCT_ID,
    serviceKey: process.env.WIDGENT_SERVICE_KEY,
    user: sessionUser(req),
  }
  res.writeHead(200, { 'Content-Type': 'text/html' })
  res.end(`<!doctype html><title>App</title><div id="account"></div>
<script type="application/json" id="settings">${JSON.stringify(settings).replace(/</g, '\\u003c')}</script>
<script type="module" src="/page.js"></script>`)
})
server.listen(0, '127.0.0.1', () => console.log(`App listening on http://127.0.0.1:${server.address().port}`))
process.once('SIGTERM', () => server.close(() => process.exit(0)))
