import { request } from 'node:http'
import { readFile, readdir } from 'node:fs/promises'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DEMO_PRODUCT, startEmulator, type Emulator } from '@widgent/emulator'
import { startPlayground, type Playground } from '@widgent/playground-stack'
import { widgentTokenHandler } from '@widgent/server'
import { bundle } from './support/bundle'
import { html, usePages } from './support/usePages'
import { subOf } from '@widgent/test-utils'

const PACKAGES = new URL('../../packages/', import.meta.url)
const NONCE = 'r4nd0m-n0nce'
// A strict policy: only scripts that carry the nonce run, and nothing else is loosened. No 'strict-dynamic', which
// would trust any script a trusted one adds, with or without the nonce.
const POLICY = `script-src 'nonce-${NONCE}'; object-src 'none'; base-uri 'none'`

// Records the page's CSP violations from its first moment (an inline script, so it needs the nonce too).
const violations =
  `<script nonce="${NONCE}">window.__violations = []; document.addEventListener('securitypolicyviolation', ` +
  `(event) => window.__violations.push({ directive: event.effectiveDirective, blocked: event.blockedURI }))</script>`

declare global {
  interface Window {
    __violations: Array<{ directive: string; blocked: string }>
  }
}

describe('the built browser bundles', () => {
  it('hold no token-mint URL, no service host, and no secret but the verificationSecret guard', async () => {
    const files: string[] = []
    for (const name of ['core', 'react', 'vue', 'svelte']) {
      const dist = new URL(`${name}/dist/`, PACKAGES)
      for (const file of await readdir(dist)) if (/\.c?js$/.test(file)) files.push(new URL(file, dist).pathname)
    }
    expect(files.length).toBeGreaterThanOrEqual(10)
    let guards = 0
    for (const file of files) {
      const code = await readFile(file, 'utf8')
      expect(code, file).not.toMatch(/user-token|api\.widgent\.app/)
      // The guard: `"verificationSecret" in options`, and the message that says where the secret belongs.
      const secrets = [...code.matchAll(/\w*secret/gi)].map(({ index }) => code.slice(index - 1, index + 45))
      const guard = /^"verificationSecret" in options|^"verificationSecret belongs on your server/
      expect(
        secrets.filter((context) => !guard.test(context)),
        file,
      ).toEqual([])
      guards += secrets.length
    }
    // core's index.js and index.cjs: the check in assertOptions, and its message.
    expect(guards).toBe(4)
  })
})

describe('security in Chromium', () => {
  let emulator: Emulator
  beforeAll(async () => {
    emulator = await startEmulator({ faults: true })
  })
  afterAll(() => emulator?.close())

  const pages = usePages(async () => ({
    '/guards': { type: 'text/html', body: html({ script: '/guards.js' }) },
    '/guards.js': { type: 'text/javascript', body: await bundle('guards.tsx') },
    '/csp': {
      type: 'text/html',
      headers: { 'Content-Security-Policy': POLICY },
      body: html({ script: '/kit.js', nonce: NONCE, head: violations }),
    },
    '/kit.js': { type: 'text/javascript', body: await bundle('kit.ts') },
    '/api/widgent-token': widgentTokenHandler({
      getUser: () => ({ id: 'ada', name: 'Ada Lovelace' }),
      apiUrl: emulator.url,
      productId: DEMO_PRODUCT.productId,
      verificationSecret: DEMO_PRODUCT.verificationSecret,
    }),
  }))
  const kit = (query: string) => `scriptUrl=${encodeURIComponent(`${emulator.url}/widget.js`)}&user=ada&${query}`

  it('every browser API of the built packages throws a config error at once when given a verificationSecret', async () => {
    const scriptLoads = emulator.log().scriptLoads
    const page = await pages.open('/guards')
    await page.page.waitForFunction(() => window.guards)
    expect(await page.page.evaluate(() => window.guards)).toEqual({
      'core createWidgent': 'config',
      'core loadWidgent': 'config',
      'react WidgentProvider': 'config',
      'vue WidgentPlugin': 'config',
      'svelte createWidgent': 'config',
    })
    // Nothing was loaded or asked for.
    expect(await page.scriptTags()).toBe(0)
    expect(emulator.log().scriptLoads).toBe(scriptLoads)
  })

  it(`loads the widget through the kit under "${POLICY}", with the nonce option`, async () => {
    const scriptLoads = emulator.log().scriptLoads
    const page = await pages.open(`/csp?${kit(`nonce=${NONCE}`)}`)
    await page.waitForStatus({ widget: 'ready', identity: 'identified', user: 'ada', error: '' })
    await page.waitForPanel('ada')
    expect(await page.send('Hello under CSP')).toBe('Hi Ada Lovelace! You said: "Hello under CSP"')
    expect(await page.page.evaluate(() => window.__violations)).toEqual([])
    expect(
      await page.page.locator('script[src$="/widget.js"]').evaluate((script: HTMLScriptElement) => script.nonce),
    ).toBe(NONCE)
    expect(emulator.log().scriptLoads).toBe(scriptLoads + 1)
  })

  it('without the nonce option the kit ends in a typed script-load error, not silently', async () => {
    const scriptLoads = emulator.log().scriptLoads
    const page = await pages.open(`/csp?${kit('')}`)
    await page.waitForStatus({ widget: 'error', error: 'script-load' })
    // Three tries, each blocked by the browser before any request left the page.
    expect(await page.page.evaluate(() => window.__violations)).toEqual(
      Array(3).fill({ directive: 'script-src-elem', blocked: `${emulator.url}/widget.js` }),
    )
    expect(emulator.log().scriptLoads).toBe(scriptLoads)
    expect(await page.scriptTags()).toBe(0)
    expect(await page.panelIdentity()).toBe(null)
  })
})

describe("the demo backend's token route (@widgent/server) against the emulator", () => {
  let stack: Playground
  beforeAll(async () => {
    stack = await startPlayground({ apps: [], ports: 'free', env: {}, logLevel: 'error', authLatencyMs: 0 })
  })
  afterAll(() => stack?.close())

  /** A GET with any headers and a body (which fetch refuses on a GET). */
  const get = (path: string, headers: Record<string, string>, body = '') =>
    new Promise<{ status: number; json: { token?: string } }>((resolve, reject) => {
      const req = request(
        `${stack.backend.url}${path}`,
        { method: 'GET', headers: { ...headers, 'Content-Length': Buffer.byteLength(body) } },
        (res) => {
          let text = ''
          res.setEncoding('utf8').on('data', (chunk) => (text += chunk))
          res.on('end', () => resolve({ status: res.statusCode!, json: JSON.parse(text) }))
        },
      )
      req.on('error', reject).end(body)
    })
  // Every way a page could try to name another user.
  const asGrace = {
    'Content-Type': 'application/json',
    'X-User-Id': 'grace',
    'X-Widgent-User': 'grace',
    Authorization: 'Bearer grace',
  }
  const graceBody = JSON.stringify({ userId: 'grace', user: { id: 'grace' }, sub: 'grace' })
  const graceQuery = '/api/widgent-token?userId=grace&user=grace&sub=grace'

  it("mints for the session's user only, whatever the request names; signed out is a 401 that mints nothing", async () => {
    const login = await fetch(`${stack.backend.url}/api/login`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: '{"user":"ada"}',
    })
    const cookie = login.headers.get('set-cookie')!.split(';')[0]!

    const signedIn = await get(graceQuery, { ...asGrace, Cookie: cookie }, graceBody)
    expect(signedIn.status).toBe(200)
    expect(subOf(signedIn.json.token!)).toBe('ada')

    expect(await get(graceQuery, asGrace, graceBody)).toMatchObject({
      status: 401,
      json: { error: expect.any(String) },
    })
    await fetch(`${stack.backend.url}/api/logout`, { method: 'POST', headers: { Cookie: cookie } })
    expect(await get(graceQuery, { ...asGrace, Cookie: cookie }, graceBody)).toMatchObject({ status: 401 })

    expect(stack.emulator!.log().tokens.map((token) => token.userId)).toEqual(['ada'])
    expect(stack.backend.tokenRequests().map(({ userId, status }) => ({ userId, status }))).toEqual([
      { userId: 'ada', status: 200 },
      { userId: null, status: 401 },
      { userId: null, status: 401 },
    ])
  })
})
