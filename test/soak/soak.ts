// `npm run soak [-- --minutes 10]`: three tabs of one browser profile, each a page of the kit alone (soak/page.ts),, the emulator
// (2 s tokens) and the demo backend, for a while of random sign-ins, switches, sign-outs, reloads, outages and token
// route faults. Prints what must hold (wrong-user deliveries: 0) and what it cost. Not part of `npm test`.
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { parseArgs } from 'node:util'
import { startEmulator, DEMO_PRODUCT } from '@widgent/emulator'
import { startBackend } from '@widgent/playground-backend'
import { launchChromium } from '@widgent/test-utils/chromium'
import type { Page } from 'playwright-core'
import { bundle } from '../e2e/support/bundle'
import { setBackendFaults } from '../e2e/support/setFaults'

const { values } = parseArgs({
  options: { minutes: { type: 'string', default: '10' }, seed: { type: 'string', default: '1' } },
})
const minutes = Number(values.minutes)
let seed = Number(values.seed)
// A small seeded generator, so a run can be played again.
const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31
const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)]!
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

const emulator = await startEmulator({ tokenTtlSeconds: 2 })
const backend = await startBackend({
  apiUrl: emulator.url,
  productId: DEMO_PRODUCT.productId,
  verificationSecret: DEMO_PRODUCT.verificationSecret,
  latencyMs: 50,
})
const script = await bundle('../../soak/page.ts')
// Who the browser's session names, as the backend's sign-in and sign-out answers said (the proxy sees them).
const sessions: Array<{ at: number; user: string }> = []
// The page and its /api on one origin, so the session cookie is first-party.
const site = createServer(async (req, res) => {
  if (req.url!.startsWith('/api/')) {
    const body = req.method == 'POST' ? await new Response(req as unknown as ReadableStream).text() : undefined
    const headers = {
      'content-type': req.headers['content-type'] ?? 'application/json',
      cookie: req.headers.cookie ?? '',
    }
    const answer = await fetch(`${backend.url}${req.url}`, { method: req.method, headers, body }).catch(() => null)
    if (!answer) return void res.writeHead(502).end()
    const text = Buffer.from(await answer.arrayBuffer())
    if (answer.ok && (req.url == '/api/login' || req.url == '/api/logout'))
      sessions.push({ at: Date.now(), user: JSON.parse(text.toString()).user?.id ?? '' })
    res.writeHead(
      answer.status,
      Object.fromEntries(
        [...answer.headers].filter(([name]) => name != 'content-encoding' && name != 'content-length'),
      ),
    )
    return void res.end(text)
  }
  if (req.url == '/page.js') return void res.writeHead(200, { 'Content-Type': 'text/javascript' }).end(script)
  res
    .writeHead(200, { 'Content-Type': 'text/html' })
    .end(
      '<!doctype html><meta charset="utf-8"><link rel="icon" href="data:,"><script type="module" src="/page.js"></script>',
    )
})
await new Promise<void>((resolve) => site.listen(0, '127.0.0.1', resolve))
const url = `http://127.0.0.1:${(site.address() as AddressInfo).port}/?scriptUrl=${encodeURIComponent(`${emulator.url}/widget.js`)}`

const browser = await launchChromium()
const context = await browser.newContext()
type Timeline = { users: Array<{ at: number; user: string }>; answers: Array<{ at: number; identity: string }> }
const done: Timeline[] = []
/** What a tab recorded since it loaded (a reload starts afresh, so it is kept before one). */
const record = (page: Page): Promise<Timeline> =>
  page.evaluate(() => ({
    users: window.soak.users,
    answers: (window.widgent as unknown as { __emulator: Timeline }).__emulator.answers,
  }))
const heap = async (page: Page) => {
  const session = await context.newCDPSession(page)
  await session.send('HeapProfiler.collectGarbage')
  const { usedSize } = await session.send('Runtime.getHeapUsage')
  await session.detach()
  return usedSize
}
const load = async (page: Page) => {
  await page.goto(url)
  await page.waitForFunction(() => window.soak && window.soak.state().widget == 'ready')
}
const tabs = await Promise.all([0, 1, 2].map(() => context.newPage()))
for (const tab of tabs) await load(tab)

/** Every tab's kit has done with the outage: nothing under way, and no automatic try still due. */
const settled = () =>
  Promise.all(
    tabs.map((tab) =>
      tab.evaluate(() => {
        const { identity, retryAt } = window.soak.state()
        return identity != 'fetching' && retryAt == null
      }),
    ),
  ).then((all) => all.every(Boolean))

const heapAtStart = await heap(tabs[0]!)
const recoveries: number[] = []
let signIns = 0
const counts = { signIn: 0, signOut: 0, reload: 0, outage: 0, fault: 0 }
const end = Date.now() + minutes * 60_000
while (Date.now() < end) {
  const tab = pick(tabs)
  const action = pick(['signIn', 'signIn', 'signIn', 'signOut', 'signOut', 'reload', 'outage', 'fault'] as const)
  counts[action]++
  if (action == 'signIn') {
    signIns++
    await tab.evaluate((user) => window.soak.signIn(user), pick(['ada', 'grace'] as const))
  } else if (action == 'signOut') await tab.evaluate(() => window.soak.signOut())
  else if (action == 'reload') {
    done.push(await record(tab))
    await load(tab)
  } else if (action == 'outage') {
    await context.setOffline(true)
    await sleep(1000 + random() * 7000)
    const online = Date.now()
    await context.setOffline(false)
    while (!(await settled()) && Date.now() - online < 60_000) await sleep(50)
    recoveries.push(Date.now() - online)
  } else await setBackendFaults(backend.url, { tokenStatus: 503, tokenFailCount: 1 + Math.floor(random() * 4) })
  await sleep(500 + random() * 2500)
}
await setBackendFaults(backend.url, null)
for (const tab of tabs) done.push(await record(tab))
const heapAtEnd = await heap(tabs[0]!)

// A delivery is wrong when the widget got a user's token while neither its own tab's app nor the browser's session
// named that user: the kit hands a tab only its app's user, or (after another tab changed the session) whoever its
// own token route says.
const at = (timeline: Array<{ at: number; user: string }>, time: number) =>
  timeline.filter((change) => change.at <= time).at(-1)?.user ?? ''
const wrongOnes: string[] = []
let deliveries = 0
for (const { users, answers } of done) {
  for (const answer of answers) {
    if (answer.identity == 'anonymous') continue
    deliveries++
    const told = at(users, answer.at)
    const session = at(sessions, answer.at)
    if (answer.identity != told && answer.identity != session)
      wrongOnes.push(`${answer.identity} while the tab said ${told || 'nobody'} and the session ${session || 'nobody'}`)
  }
}
const wrong = wrongOnes.length
if (wrong) console.log(wrongOnes.join('\n'))
const sorted = recoveries.sort((a, b) => a - b)
const percentile = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN
const requests = backend.tokenRequests().length
console.table({
  minutes: { value: minutes },
  actions: {
    value: Object.entries(counts)
      .map(([name, count]) => `${name} ${count}`)
      .join(', '),
  },
  'wrong-user deliveries (must be 0)': { value: `${wrong} of ${deliveries}` },
  'token requests per sign-in': {
    value: (requests / Math.max(signIns, 1)).toFixed(2) + ` (${requests} requests, 2 s tokens refreshed in 3 tabs)`,
  },
  'recovery after an outage, p50 / p95': {
    value: `${percentile(50)} / ${percentile(95)} ms over ${recoveries.length}`,
  },
  'heap growth, one tab, after GC': {
    value: `${Math.round((heapAtEnd - heapAtStart) / 1024)} KB (${Math.round(heapAtStart / 1024)} -> ${Math.round(heapAtEnd / 1024)} KB)`,
  },
})
await browser.close()
site.closeAllConnections()
site.close()
await backend.close()
await emulator.close()
process.exit(wrong ? 1 : 0)
