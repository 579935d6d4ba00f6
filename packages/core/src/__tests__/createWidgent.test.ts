import { flush, installFakeWidget, jwt, uniqueProduct } from '@widgent/test-utils'
import { afterEach, describe, expect, it, onTestFinished, vi } from 'vitest'
import type { WidgentOptions } from '../types'
import { freshKit } from './freshKit'

/**
 * A fresh kit, a client with a counting token source, and the widget: already on the page and ready, or
 * (`onPage: false`) none yet, so the kit adds the script and `runScript()` plays its arrival.
 */
async function setup(extra: Partial<WidgentOptions> = {}, { onPage = true } = {}) {
  const kit = await freshKit()
  let widget = onPage ? installFakeWidget({ ready: true }) : undefined
  const fetchToken = vi.fn(async (user: { id: string }, _ctx: { signal: AbortSignal }): Promise<string> => jwt(user.id))
  const onError = vi.fn()
  const client = kit.createWidgent({
    productId: uniqueProduct(),
    serviceKey: 'key',
    fetchToken,
    onError,
    load: 'eager',
    ...extra,
  })
  // A client left running would answer the next test's widget too.
  onTestFinished(() => client.destroy())
  /** The script the kit added arrives: it defines window.widgent (not ready yet) and fires `load`. */
  const runScript = () => {
    widget = installFakeWidget({ ready: false })
    document.querySelector('script')!.dispatchEvent(new Event('load'))
    return widget
  }
  return { kit, widget: widget!, fetchToken, onError, client, runScript }
}

afterEach(() => {
  vi.useRealTimers()
  vi.restoreAllMocks()
})

/** requestIdleCallback under the test's control: `run(ms)` calls every pending callback with an idle period of `ms`. */
function fakeIdleCallbacks() {
  vi.useFakeTimers()
  // After the test's client is destroyed (onTestFinished hooks run last registered first): it cancels its wait.
  onTestFinished(() => {
    vi.unstubAllGlobals()
  })
  const pending = new Map<number, IdleRequestCallback>()
  let ids = 0
  vi.stubGlobal('requestIdleCallback', (callback: IdleRequestCallback) => (pending.set(++ids, callback), ids))
  vi.stubGlobal('cancelIdleCallback', (id: number) => pending.delete(id))
  return {
    run(ms: number) {
      const callbacks = [...pending.values()]
      pending.clear()
      callbacks.forEach((callback) => callback({ didTimeout: false, timeRemaining: () => ms }))
    },
    pending: () => pending.size,
  }
}

/** navigator.connection as the Network Information API reports it. */
const saveData = (connection: { saveData?: boolean; effectiveType?: string }) =>
  Object.defineProperty(navigator, 'connection', { value: connection, configurable: true })

describe('createWidgent: options', () => {
  it('throws at once when given a verificationSecret, saying it belongs on the server', async () => {
    const { createWidgent, WidgentError } = await freshKit()
    const options = { productId: 'p', serviceKey: 'k', verificationSecret: 'shh' } as WidgentOptions
    expect(() => createWidgent(options)).toThrow(WidgentError)
    expect(() => createWidgent(options)).toThrow(/verificationSecret belongs on your server/)
  })

  it.each([
    ['no productId', { serviceKey: 'k' }],
    ['an empty serviceKey', { productId: 'p', serviceKey: '' }],
    ['a non-string productId', { productId: 1, serviceKey: 'k' }],
    [
      'both tokenEndpoint and fetchToken',
      { productId: 'p', serviceKey: 'k', tokenEndpoint: '/t', fetchToken: async () => '' },
    ],
  ])('throws a config error for %s', async (_, options) => {
    const { createWidgent } = await freshKit()
    expect(() => createWidgent(options as WidgentOptions)).toThrow(expect.objectContaining({ code: 'config' }))
  })

  it('links every error to its README section', async () => {
    const { createWidgent } = await freshKit()
    expect(() => createWidgent({} as WidgentOptions)).toThrow(/#error-config/)
  })

  it('returns the same client for the same productId', async () => {
    const { createWidgent } = await freshKit()
    const a = createWidgent({ productId: 'same', serviceKey: 'k' })
    expect(createWidgent({ productId: 'same', serviceKey: 'k' })).toBe(a)
    expect(createWidgent({ productId: 'other', serviceKey: 'k' })).not.toBe(a)
  })

  it('touches no DOM when created', async () => {
    const { createWidgent } = await freshKit()
    const added = vi.spyOn(window, 'addEventListener')
    createWidgent({ productId: uniqueProduct(), serviceKey: 'k' })
    expect(document.querySelectorAll('script')).toHaveLength(0)
    expect(added).not.toHaveBeenCalled()
  })

  it('rejects a user without a string id', async () => {
    const { client } = await setup()
    expect(() => client.setUser({ id: 7 } as never)).toThrow(expect.objectContaining({ code: 'config' }))
    expect(() => client.setUser({ id: '' })).toThrow(expect.objectContaining({ code: 'config' }))
    expect(() => client.setUser('ada' as never)).toThrow(expect.objectContaining({ code: 'config' }))
    expect(client.getSnapshot().identity).toBe('unknown')
  })
})

describe('createWidgent: loading', () => {
  it("load: 'eager': mount() loads at once, registers the fetcher when ready and reports the state", async () => {
    const { client, runScript } = await setup({}, { onPage: false })
    const states: string[] = []
    client.subscribe((state) => states.push(state.widget))
    client.mount()
    expect(document.querySelectorAll('script')).toHaveLength(1)
    const widget = runScript()
    expect(widget.inits).toHaveLength(1)
    widget.fireReady()
    await flush()
    expect(states).toEqual(['idle', 'loading', 'ready'])
    expect(widget.registrations).toBe(1)
  })

  it("load: 'idle' is the default: mount() fetches nothing until the page has gone quiet", async () => {
    vi.useFakeTimers()
    const { client } = await setup({ load: undefined }, { onPage: false })
    client.mount()
    expect(document.querySelectorAll('script')).toHaveLength(0)
    await vi.advanceTimersByTimeAsync(10_000) // jsdom has no requestIdleCallback: the bounded wait decides
    expect(document.querySelectorAll('script')).toHaveLength(1)
  })

  it("load: 'manual' waits for load()", async () => {
    const { client, widget } = await setup({ load: 'manual' })
    client.mount()
    await flush()
    expect(client.getSnapshot().widget).toBe('idle')
    await client.load()
    expect(client.getSnapshot().widget).toBe('ready')
    expect(widget.registrations).toBe(1)
  })

  it("load: 'idle' loads once the page has gone quiet, and an unmount before then cancels the wait", async () => {
    const idle = fakeIdleCallbacks()
    const { client, runScript } = await setup({ load: 'idle' }, { onPage: false })
    const scripts = () => document.querySelectorAll('script').length
    const unmount = client.mount()
    expect(idle.pending()).toBe(1)
    unmount()
    expect(idle.pending()).toBe(0)
    await vi.advanceTimersByTimeAsync(60_000)
    expect(scripts()).toBe(0)
    client.mount()
    idle.run(50)
    idle.run(50)
    idle.run(10) // a busy moment: the count starts again
    idle.run(50)
    idle.run(50)
    expect(scripts()).toBe(0)
    idle.run(50)
    expect(scripts()).toBe(1)
    runScript().fireReady()
    await flush()
    expect(client.getSnapshot().widget).toBe('ready')
  })

  it("load: 'idle' loads after 10 s on a page that never goes quiet", async () => {
    const idle = fakeIdleCallbacks()
    const { client } = await setup({ load: 'idle' }, { onPage: false })
    client.mount()
    for (let i = 0; i < 99; i++) {
      idle.run(10)
      await vi.advanceTimersByTimeAsync(100)
    }
    expect(client.getSnapshot().widget).toBe('idle')
    await vi.advanceTimersByTimeAsync(100)
    expect(client.getSnapshot().widget).toBe('loading')
    expect(idle.pending()).toBe(0)
  })

  it("load: 'idle' does not load while the browser asks to save data; load() still does", async () => {
    const idle = fakeIdleCallbacks()
    saveData({ saveData: true })
    const { client, runScript } = await setup({ load: 'idle' }, { onPage: false })
    client.mount()
    expect(idle.pending()).toBe(0)
    await vi.advanceTimersByTimeAsync(60_000)
    expect(client.getSnapshot().widget).toBe('idle')
    const loaded = client.load()
    await flush()
    runScript().fireReady()
    await loaded
    expect(client.getSnapshot().widget).toBe('ready')
  })

  it("a widget already on the page (the page's snippet, a test's fake) is joined at once, unless load is 'manual'", async () => {
    for (const load of ['idle', 'interaction'] as const) {
      const { client, widget } = await setup({ load })
      client.mount()
      await flush()
      expect(client.getSnapshot().widget).toBe('ready')
      expect(widget.registrations).toBe(1)
      client.destroy()
    }
    const { client } = await setup({ load: 'manual' })
    client.mount()
    await flush()
    expect(client.getSnapshot().widget).toBe('idle')
  })

  it.each([{ saveData: true }, { effectiveType: '2g' }, { effectiveType: 'slow-2g' }])(
    'savesData() on %o, not on 4g',
    async (connection) => {
      const { savesData } = await import('../savesData')
      saveData({ effectiveType: '4g' })
      expect(savesData()).toBe(false)
      saveData(connection)
      expect(savesData()).toBe(true)
    },
  )

  it("load: 'interaction' loads on the app's first command, and sends it once ready", async () => {
    const { client, runScript } = await setup({ load: 'interaction' }, { onPage: false })
    client.mount()
    await flush()
    expect(client.getSnapshot().widget).toBe('idle')
    client.command('open')
    await flush()
    expect(client.getSnapshot().widget).toBe('loading')
    const widget = runScript()
    widget.fireReady()
    await flush()
    expect(client.getSnapshot().widget).toBe('ready')
    expect(widget.commands.filter(([name]) => name == 'open')).toEqual([['open']])
  })

  it('asks for the token as the load starts, so a signed-in widget gets it the moment it asks', async () => {
    const { client, fetchToken, runScript } = await setup({ load: 'manual' }, { onPage: false })
    client.mount()
    client.setUser({ id: 'ada' })
    expect(fetchToken).not.toHaveBeenCalled()
    void client.load()
    expect(fetchToken).toHaveBeenCalledTimes(1)
    const widget = runScript()
    widget.fireReady()
    await flush()
    await widget.waitForToken(jwt('ada'))
    expect(fetchToken).toHaveBeenCalledTimes(1)
  })

  it('retries a failed load twice with backoff, then reports script-load; load() again recovers', async () => {
    vi.useFakeTimers()
    const { client, onError } = await setup({}, { onPage: false })
    client.mount()
    const failScript = () => document.querySelector('script')!.dispatchEvent(new Event('error'))
    failScript()
    await vi.advanceTimersByTimeAsync(499)
    expect(document.querySelectorAll('script')).toHaveLength(0)
    await vi.advanceTimersByTimeAsync(1)
    failScript() // second try, 0.5 s later
    await vi.advanceTimersByTimeAsync(1000)
    failScript() // third try, 1 s after that
    await flush()
    expect(client.getSnapshot()).toMatchObject({ widget: 'error', error: { code: 'script-load' } })
    expect(onError).toHaveBeenCalledWith(expect.objectContaining({ code: 'script-load' }))
    await vi.advanceTimersByTimeAsync(60_000)
    expect(document.querySelectorAll('script')).toHaveLength(0) // no fourth try on its own

    const loaded = client.load()
    const widget = installFakeWidget({ ready: false })
    document.querySelector('script')!.dispatchEvent(new Event('load'))
    widget.fireReady()
    await loaded
    expect(client.getSnapshot()).toMatchObject({ widget: 'ready', error: null })
  })

  it('keeps the load error in state when the user changes meanwhile', async () => {
    vi.useFakeTimers()
    const { client } = await setup({}, { onPage: false })
    client.mount()
    for (let tries = 0; tries < 3; tries++) {
      document.querySelector('script')?.dispatchEvent(new Event('error'))
      await vi.advanceTimersByTimeAsync(1000)
    }
    expect(client.getSnapshot()).toMatchObject({ widget: 'error', error: { code: 'script-load' } })
    client.setUser({ id: 'ada' })
    expect(client.getSnapshot()).toMatchObject({ widget: 'error', error: { code: 'script-load' }, user: { id: 'ada' } })
  })

  it('queues commands until ready and sends them in order, after the fetcher', async () => {
    const { client, runScript } = await setup({}, { onPage: false })
    client.command('open')
    client.command('say', 'hi', 2)
    client.mount()
    const widget = runScript()
    expect(widget.commands).toEqual([])
    widget.fireReady()
    await flush()
    expect(widget.commands.map(([name]) => name)).toEqual(['setIdentityTokenFetcher', 'open', 'say'])
    expect(widget.commands[2]).toEqual(['say', 'hi', 2])
    client.command('close')
    expect(widget.commands.at(-1)).toEqual(['close'])
  })

  it('sends a command asked for again while it waits once (a double click on a launcher); other arguments are another command', async () => {
    const { client, runScript } = await setup({}, { onPage: false })
    client.command('open')
    client.command('open')
    client.command('say', 'hi')
    client.command('say', 'hi')
    client.command('say', 'bye')
    client.mount()
    const widget = runScript()
    widget.fireReady()
    await flush()
    expect(widget.commands.slice(1)).toEqual([['open'], ['say', 'hi'], ['say', 'bye']])
    // Once ready, every call is sent.
    client.command('open')
    client.command('open')
    expect(widget.commands.slice(4)).toEqual([['open'], ['open']])
  })

  it('survives mount, unmount, mount (React StrictMode): one script, one init, one registration', async () => {
    const { client, runScript } = await setup({}, { onPage: false })
    const unmount = client.mount()
    unmount()
    client.mount()
    expect(document.querySelectorAll('script')).toHaveLength(1)
    const widget = runScript()
    widget.fireReady()
    await flush()
    expect(widget.inits).toHaveLength(1)
    expect(widget.registrations).toBe(1)
    expect(client.getSnapshot().widget).toBe('ready')
  })

  it('destroys on the last unmount only, and a stale unmount does nothing', async () => {
    const { client } = await setup()
    const first = client.mount()
    const second = client.mount()
    await flush()
    first()
    first()
    expect(client.getSnapshot().widget).toBe('ready')
    second()
    expect(client.getSnapshot().widget).toBe('idle')
  })
})

describe('createWidgent: state', () => {
  it('getSnapshot() returns the same object until something changes', async () => {
    const { client } = await setup()
    const before = client.getSnapshot()
    expect(client.getSnapshot()).toBe(before)
    client.setUser(undefined)
    expect(client.getSnapshot()).toBe(before)
    client.setUser(null)
    expect(client.getSnapshot()).not.toBe(before)
  })

  it('subscribe() calls the listener at once and returns an unsubscribe', async () => {
    const { client } = await setup()
    const listener = vi.fn()
    const unsubscribe = client.subscribe(listener)
    expect(listener).toHaveBeenCalledExactlyOnceWith(
      expect.objectContaining({ widget: 'idle', identity: 'unknown', user: null }),
    )
    unsubscribe()
    client.setUser(null)
    expect(listener).toHaveBeenCalledTimes(1)
  })

  it('destroy() aborts the request in flight, clears timers and leaves the fetcher answering anonymous', async () => {
    vi.useFakeTimers()
    const { client, widget, fetchToken } = await setup()
    let signal!: AbortSignal
    fetchToken.mockImplementationOnce((_user: unknown, ctx: { signal: AbortSignal }) => {
      signal = ctx.signal
      return new Promise(() => {})
    })
    client.mount()
    client.setUser({ id: 'ada' })
    await flush()
    expect(fetchToken).toHaveBeenCalledTimes(1)
    client.destroy()
    expect(signal.aborted).toBe(true)
    await flush()
    expect(vi.getTimerCount()).toBe(0)
    expect(widget.answers).toEqual([''])
    await expect(widget.ask()).resolves.toBe('')
    expect(client.getSnapshot()).toMatchObject({ widget: 'idle', identity: 'unknown', user: null })
  })

  it('destroy() leaves no listener on window', async () => {
    const added = vi.spyOn(window, 'addEventListener')
    const removed = vi.spyOn(window, 'removeEventListener')
    const { client, runScript } = await setup({}, { onPage: false })
    client.mount()
    runScript().fireReady()
    await flush()
    client.destroy()
    const live = added.mock.calls.filter(
      ([type, listener, options]) =>
        !(options as AddEventListenerOptions)?.signal?.aborted &&
        !removed.mock.calls.some(([t, l]) => t === type && l === listener),
    )
    expect(live).toEqual([])
  })
})
