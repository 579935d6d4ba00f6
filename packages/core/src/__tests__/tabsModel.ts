import { jwt, opaqueToken, subOf } from '@widgent/test-utils'
import { build } from 'esbuild'
import fc from 'fast-check'
import { JSDOM } from 'jsdom'
import { vi } from 'vitest'
import type { FakeWidget } from '@widgent/testing'
import type { WidgentClient, WidgentOptions } from '../types'

/**
 * A model of one browser profile for property tests: up to four tabs of one origin, each a page of its own (a jsdom
 * window running the kit, a fake widget and the app's auth), one session cookie for them all, and a token route that
 * mints for whoever the cookie names when a request reaches it. Tabs open, reload, close, sign in and out; the other
 * tabs' apps learn of a change a little later (their own auth's refetch); the widgets ask at random moments; the
 * route answers late, out of order, or fails. `run` reports every token a widget got for someone it must not show.
 */

type User = 'ada' | 'grace'
const MAX_TABS = 4
/** The longest another tab's app takes to learn of a sign-in or sign-out elsewhere (its auth's own refetch). */
const APP_CATCH_UP_MS = 1000

export type TabStep =
  /** `auth`: the app's auth knows the session as the page loads (server-rendered, or kept); otherwise it loads. */
  | { kind: 'open'; auth: boolean }
  | { kind: 'reload'; tab: number; auth: boolean }
  | { kind: 'close'; tab: number }
  | { kind: 'signIn'; tab: number; user: User }
  | { kind: 'signOut'; tab: number }
  /** The session changes outside every tab (another app of the site, the server ending it): no tab hears of it. */
  | { kind: 'elsewhere'; user: User | null }
  /** The tab's app learns the session's user now (its auth refetched). */
  | { kind: 'catchUp'; tab: number }
  | { kind: 'ask'; tab: number }
  | { kind: 'answer'; pick: number; outcome: 'token' | 'short' | 'opaque' | '500' | '401' | 'network' }
  /** One task: messages between tabs already posted are delivered, timers already due run. */
  | { kind: 'task' }
  | { kind: 'wait'; ms: number }

// Which of the open tabs (counted modulo how many are open): a step always finds one, if any is open.
const tab = fc.nat()
export const tabStep: fc.Arbitrary<TabStep> = fc.oneof(
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('open' as const), auth: fc.boolean() }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('reload' as const), tab, auth: fc.boolean() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('close' as const), tab }) },
  {
    weight: 3,
    arbitrary: fc.record({ kind: fc.constant('signIn' as const), tab, user: fc.constantFrom<User>('ada', 'grace') }),
  },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('signOut' as const), tab }) },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('elsewhere' as const),
      user: fc.constantFrom<User | null>('ada', 'grace', null),
    }),
  },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('catchUp' as const), tab }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('ask' as const), tab }) },
  {
    weight: 4,
    arbitrary: fc.record({
      kind: fc.constant('answer' as const),
      pick: fc.nat(),
      outcome: fc.constantFrom(
        'token' as const,
        'token' as const,
        'short' as const,
        'opaque' as const,
        '500' as const,
        '401' as const,
        'network' as const,
      ),
    }),
  },
  { weight: 3, arbitrary: fc.constant({ kind: 'task' as const }) },
  {
    weight: 2,
    arbitrary: fc.record({ kind: fc.constant('wait' as const), ms: fc.constantFrom(100, 100, 300, 300, 1000, 5000) }),
  },
)

export interface TabsReport {
  /** Tokens a widget got for a user who was neither its app's user nor the session's. */
  wrong: string[]
  /** Once quiet, every app caught up: each open tab whose widget does not hold the session user's identity. */
  final: string[]
  /** Token route requests, and pages loaded, in the whole sequence. */
  requests: number
  loads: number
}

/** The kit and the public fake widget, bundled once into a script each tab's window runs. */
let bundle: Promise<string> | undefined
const kitScript = () =>
  (bundle ??= build({
    stdin: {
      contents: "export { createWidgent } from '../index'; export { installFakeWidget } from '@widgent/testing'",
      resolveDir: new URL('.', import.meta.url).pathname,
      loader: 'ts',
    },
    bundle: true,
    write: false,
    format: 'iife',
    globalName: 'kit',
    define: { __DEV__: 'true' },
  }).then((result) => result.outputFiles[0]!.text))

interface Tab {
  window: JSDOM['window']
  /** Releases the locks the tab holds, as closing it does. */
  closeTab: () => void
  client: WidgentClient
  widget: FakeWidget
  /** Who this tab's app says is signed in: undefined while its auth loads, '' when signed out. */
  app: string | undefined
  /** Since when (fake time) the app has said someone other than the session's user. */
  lagging?: number
  /** Another tab's sign-in or sign-out: its word to this tab's kit is on its way, or has arrived (a task ran since). */
  told?: 'posted' | 'heard'
  /**
   * Whom the route minted for, for this tab's requests since its app's last change: the cookie's user when each
   * reached it. The kit cannot tell whom an opaque token is for, so one the session's user got in a moment when it
   * was not the app's may reach the widget (a known limit, in the README): allowed here, and only here.
   */
  minted: Set<string>
  /** The app's user and the session's as the current task began. */
  before?: [string | undefined, string]
}

/** Plays `steps` in a fresh profile; `tokenStorage` and a `strict` widget (the vendor page's contract only) as given. */
export async function runTabs(
  steps: TabStep[],
  { strict = false, tokenStorage = 'memory' as WidgentOptions['tokenStorage'] } = {},
): Promise<TabsReport> {
  const script = await kitScript()
  const productId = `tabs-${Math.random().toString(36).slice(2)}`
  const report: TabsReport = { wrong: [], final: [], requests: 0, loads: 0 }
  let session = '' // the session cookie: '' when signed out
  const tabs: Array<Tab | undefined> = []
  const pending: Array<{
    window: Tab['window']
    user: string
    gone: () => boolean
    answer(response: Response): void
    fail(): void
  }> = []
  const channels = new Map<
    string,
    Set<{ window: Tab['window']; onmessage: ((event: { data: unknown }) => void) | null }>
  >()

  /** BroadcastChannel between the profile's windows: each message is a task of its own in every other open window. */
  const channelClass = (window: Tab['window']) =>
    class {
      onmessage: ((event: { data: unknown }) => void) | null = null
      private readonly peers: Set<{ window: Tab['window']; onmessage: ((event: { data: unknown }) => void) | null }>
      constructor(name: string) {
        if (!channels.has(name)) channels.set(name, new Set())
        this.peers = channels.get(name)!
        this.peers.add(this as never)
      }
      postMessage(data: unknown) {
        const copy = structuredClone(data)
        for (const peer of this.peers)
          if (peer !== (this as never)) setTimeout(() => this.peers.has(peer) && peer.onmessage?.({ data: copy }), 0)
      }
      close() {
        this.peers.delete(this as never)
      }
      get window() {
        return window
      }
    }

  /** Web Locks of the profile: each lock is held until its task settles or its tab closes; a wait ends at an abort. */
  const queues = new Map<string, Promise<unknown>>()
  const locksOf = (closed: Promise<void>) => ({
    request(name: string, { signal }: { signal?: AbortSignal }, task: () => Promise<unknown>) {
      const turn = (queues.get(name) ?? Promise.resolve()).then(() => {
        signal?.throwIfAborted()
        return task()
      })
      queues.set(name, Promise.race([turn.catch(() => {}), closed]))
      const aborted = new Promise((_, reject) => signal?.addEventListener('abort', () => reject(signal.reason)))
      return Promise.race([turn, aborted])
    },
  })

  const load = (slot: number, auth: boolean, kept?: Record<string, string>) => {
    const dom = new JSDOM('<!doctype html><body></body>', { url: 'https://app.example/', runScripts: 'outside-only' })
    const { window } = dom
    for (const [key, value] of Object.entries(kept ?? {})) window.sessionStorage.setItem(key, value)
    Object.assign(window, { Date, BroadcastChannel: channelClass(window) })
    let closeTab!: () => void
    Object.defineProperty(window.navigator, 'locks', {
      value: locksOf(new Promise<void>((resolve) => (closeTab = resolve))),
    })
    window.fetch = ((_url: string, init: RequestInit = {}) =>
      new Promise<Response>((resolve, reject) => {
        report.requests++
        const request = {
          window,
          user: session,
          gone: () => !!init.signal?.aborted || tabs[slot]?.window !== window,
          answer: resolve,
          fail: () => reject(new TypeError('Failed to fetch')),
        }
        init.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')))
        pending.push(request)
      })) as typeof fetch
    window.eval(script)
    const { createWidgent, installFakeWidget } = (window as unknown as { kit: KitBundle }).kit
    const widget = installFakeWidget({ ready: true, lenient: !strict })
    // Each answer checked as the widget receives it, against who the tab's app and the session say now or said as
    // this task began: an answer the kit gave just before a switch may land a microtask after it (see `settled`).
    const receive = widget.answers.push.bind(widget.answers)
    widget.answers.push = (...tokens) => {
      for (const token of tokens) {
        const sub = token && subOf(token)
        const { app, before, minted } = tabs[slot]!
        if (sub && ![app, session, ...(before ?? []), ...minted].includes(sub))
          report.wrong.push(
            `tab ${slot} got ${sub}'s token while its app said ${app || 'nobody'} and the session ${session || 'nobody'}`,
          )
      }
      return receive(...tokens)
    }
    const client = createWidgent({ productId, serviceKey: 'key', tokenEndpoint: '/api/widgent-token', tokenStorage })
    client.mount()
    report.loads++
    tabs[slot] = { window, closeTab, client, widget, app: undefined, lagging: Date.now(), minted: new Set() }
    if (auth) tell(tabs[slot]!, session)
  }

  const close = (slot: number) => {
    const closing = tabs[slot]
    if (!closing) return
    tabs[slot] = undefined
    for (const peers of channels.values())
      for (const peer of peers) if (peer.window === closing.window) peers.delete(peer)
    // Its requests end with it, and its locks go free.
    for (const request of pending.filter((request) => request.window === closing.window)) {
      pending.splice(pending.indexOf(request), 1)
      request.fail()
    }
    closing.closeTab()
    closing.window.close()
  }

  /** The tab's app says `user` now ('' signed out) and tells the kit. */
  const tell = (current: Tab, user: string) => {
    current.app = user
    current.lagging = user == session ? undefined : Date.now()
    current.told = undefined
    current.minted.clear()
    current.client.setUser(user ? { id: user, name: user } : null)
  }

  // Every queued promise callback runs (a response's body is read in a chain of them), no timer moves.
  const flush = async () => {
    for (let i = 0; i < 200; i++) await Promise.resolve()
  }
  /**
   * A task ends: the widget of each tab holds no one but its app's user or the session's (an answer that landed
   * just after a switch has been superseded before the browser renders), and the next task begins from here.
   */
  const settled = () => {
    for (const [slot, current] of tabs.entries()) {
      if (!current) continue
      const held = current.widget.token && subOf(current.widget.token)
      // (The known limit: a token minted for this tab's own request, whoever the cookie named then, may stay until
      // the app's user changes; no word from the app or another tab says the session moved.)
      if (held && held != current.app && held != session && !current.minted.has(held))
        report.wrong.push(
          `tab ${slot} still holds ${held}'s token after a task, its app says ${current.app || 'nobody'}`,
        )
      // Once another tab's word has arrived, the widget holds no one the session has left, though its app still does.
      if (held && held != session && current.told == 'heard')
        report.wrong.push(
          `tab ${slot} still holds ${held}'s token after hearing the session is ${session || 'nobody'}'s`,
        )
      current.before = [current.app, session]
    }
  }
  /** A task of the profile: messages between tabs already posted arrive, timers due run. */
  const task = async (ms: number) => {
    await vi.advanceTimersByTimeAsync(ms)
    for (const current of tabs) if (current?.told) current.told = 'heard'
  }
  /** Fake time moves in steps; an app that has lagged APP_CATCH_UP_MS catches up (its auth refetched meanwhile). */
  const advance = async (ms: number) => {
    for (let left = ms; left > 0; left -= 100) {
      for (const current of tabs)
        if (current?.lagging !== undefined && Date.now() - current.lagging >= APP_CATCH_UP_MS) tell(current, session)
      await task(Math.min(100, left))
      settled()
    }
  }

  for (const next of steps) {
    const open = tabs.filter((tab) => tab)
    const current = 'tab' in next ? open[next.tab % Math.max(open.length, 1)] : undefined
    const slot = current ? tabs.indexOf(current) : -1
    switch (next.kind) {
      case 'open': {
        const free = tabs.findIndex((tab) => !tab)
        if (free >= 0 || tabs.length < MAX_TABS) load(free >= 0 ? free : tabs.length, next.auth)
        break
      }
      case 'reload':
        if (current) {
          const kept = { ...current.window.sessionStorage }
          close(slot)
          load(slot, next.auth, kept)
        }
        break
      case 'close':
        if (current) close(slot)
        break
      case 'signIn':
      case 'signOut': {
        // Only once the tab's app knows who is signed in (until then it shows no sign-in or sign-out button), and only
        // as a change of who that is: an app signed out shows no sign-out button, one signed in as Ada no sign-in as
        // Ada. (The session moving while the app says the same is `elsewhere`: the kit hears no change to pass on.)
        const user = next.kind == 'signIn' ? next.user : ''
        if (current && current.app !== undefined && current.app != user) {
          session = user
          tell(current, session)
          for (const other of tabs) {
            if (!other || other == current || other.app == session) continue
            other.lagging ??= Date.now()
            if (other.app !== undefined) other.told = 'posted'
          }
        }
        break
      }
      case 'elsewhere':
        session = next.user ?? ''
        for (const other of tabs) if (other && other.app != session) other.lagging ??= Date.now()
        break
      case 'catchUp':
        if (current) tell(current, session)
        break
      case 'ask':
        if (current?.widget.fetcher) void current.widget.ask()
        break
      case 'answer': {
        const live = pending.filter((request) => !request.gone())
        const request = live[next.pick % Math.max(live.length, 1)]
        if (!request) break
        pending.splice(pending.indexOf(request), 1)
        const { user } = request
        if (user) tabs.find((tab) => tab?.window === request.window)?.minted.add(user)
        const tokenOf = { token: jwt(user, 3600), short: jwt(user, 20), opaque: opaqueToken(user) } as Record<
          string,
          string
        >
        if (next.outcome == 'network') request.fail()
        else if (next.outcome == '500' || next.outcome == '401')
          request.answer(Response.json({ error: next.outcome }, { status: Number(next.outcome) }))
        else if (!user) request.answer(Response.json({ error: 'signed out' }, { status: 401 }))
        else request.answer(Response.json({ token: tokenOf[next.outcome] }))
        break
      }
      case 'task':
        await task(0)
        break
      case 'wait':
        await advance(next.ms)
        break
    }
    await flush()
    settled()
  }

  // Quiet: every app caught up, every request answered well, every timer run.
  for (const current of tabs) if (current && current.app != session) tell(current, session)
  for (let round = 0; round < 5; round++) {
    for (const request of pending.splice(0)) {
      if (request.user) tabs.find((tab) => tab?.window === request.window)?.minted.add(request.user)
      if (!request.gone())
        request.answer(
          request.user ? Response.json({ token: jwt(request.user, 3600) }) : Response.json({}, { status: 401 }),
        )
    }
    await flush()
    await advance(10_000)
  }
  for (const [slot, current] of tabs.entries()) {
    if (!current) continue
    // A failure that stands (a 401 or a bad answer for a signed-in user) leaves the widget anonymous.
    const want = current.client.getSnapshot().identity == 'error' ? '' : session
    const got = current.widget.token ? subOf(current.widget.token) : ''
    if (got != want && !current.minted.has(got))
      report.final.push(`tab ${slot}: the widget holds ${got || 'nobody'}, the session is ${session || 'nobody'}`)
  }
  for (const slot of tabs.keys()) close(slot)
  return report
}

interface KitBundle {
  createWidgent: (options: WidgentOptions) => WidgentClient
  installFakeWidget: (options: { ready?: boolean; lenient?: boolean }) => FakeWidget
}
