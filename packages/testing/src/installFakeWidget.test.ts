import { createWidgent } from '@widgent/core'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { installFakeWidget, type FakeWidget } from './index'

let widget: FakeWidget | undefined
afterEach(() => {
  widget?.uninstall()
  vi.useRealTimers()
})

const install = (...args: Parameters<typeof installFakeWidget>) => (widget = installFakeWidget(...args))
const tick = () => new Promise((resolve) => setTimeout(resolve, 0))

describe('installFakeWidget', () => {
  it('goes on window.widgent at once, as the vendor page documents it, and off again', () => {
    const widget = install()
    expect(typeof window.widgent).toBe('function')
    expect(typeof window.widgent!.init).toBe('function')
    expect('ready' in window.widgent!).toBe(false) // the page documents no ready flag
    widget.uninstall()
    expect(window.widgent).toBeUndefined()
  })

  it('uninstall leaves a widget that replaced it alone', () => {
    const first = install()
    const second = installFakeWidget()
    first.uninstall()
    expect(window.widgent).toBeDefined()
    second.uninstall()
    expect(window.widgent).toBeUndefined()
  })

  it('onPage: false stays off the page until install(), as a script that has not run yet', () => {
    const widget = install({ onPage: false })
    expect(window.widgent).toBeUndefined()
    widget.install()
    expect(window.widgent).toBeDefined()
  })

  it('calls a newly registered fetcher at once and holds its answer; every registration and command is recorded', async () => {
    const widget = install()
    expect(widget.token).toBeUndefined()
    const fetcher = vi.fn(async () => 'token-ada')
    window.widgent!('setIdentityTokenFetcher', fetcher)
    window.widgent!('open')
    expect(fetcher).toHaveBeenCalledTimes(1)
    await widget.waitForToken('token-ada')
    expect(widget).toMatchObject({
      token: 'token-ada',
      answers: ['token-ada'],
      registrations: 1,
      fetcher,
      inits: [],
      throws: 0,
    })
    expect(widget.commands).toEqual([['setIdentityTokenFetcher', fetcher], ['open']])

    window.widgent!('setIdentityTokenFetcher', async () => '')
    await widget.waitForToken('')
    expect(widget.registrations).toBe(2)
    expect(widget.answers).toEqual(['token-ada', ''])
  })

  it('holds answers in order of arrival, not of asking', async () => {
    const widget = install()
    let answerFirst!: (token: string) => void
    window.widgent!('setIdentityTokenFetcher', () => new Promise<string>((resolve) => (answerFirst = resolve)))
    window.widgent!('setIdentityTokenFetcher', async () => 'second')
    await widget.waitForToken('second')
    answerFirst('first')
    await widget.waitForToken('first')
    expect(widget.answers).toEqual(['second', 'first'])
  })

  it('ask() calls the fetcher again, as before the token expires', async () => {
    const widget = install()
    let n = 0
    window.widgent!('setIdentityTokenFetcher', async () => `token-${++n}`)
    await expect(widget.ask()).resolves.toBe('token-2')
    expect(widget.token).toBe('token-2')
    expect(widget.registrations).toBe(1)
  })

  it('ask() before any registration says so', async () => {
    await expect(install().ask()).rejects.toThrow('No fetcher registered yet')
  })

  it('a fetcher that throws leaves it anonymous, and is counted', async () => {
    const widget = install()
    window.widgent!('setIdentityTokenFetcher', async () => {
      throw new Error('boom')
    })
    await widget.waitForToken('')
    expect(widget.throws).toBe(1)
  })

  it('records init calls', () => {
    const widget = install()
    window.widgent!.init({ productId: 'p', serviceKey: 'k' })
    expect(widget.inits).toEqual([{ productId: 'p', serviceKey: 'k' }])
  })

  it('not ready: drops commands sent before widgent:ready, as the page allows; fireReady() fires the event', async () => {
    const widget = install({ ready: false })
    const ready = vi.fn()
    window.addEventListener('widgent:ready', ready)
    window.widgent!('setIdentityTokenFetcher', async () => 'early')
    expect(widget.dropped).toHaveLength(1)
    expect(widget.registrations).toBe(0)
    widget.fireReady()
    expect(ready).toHaveBeenCalledTimes(1)
    window.widgent!('setIdentityTokenFetcher', async () => 'late')
    await widget.waitForToken('late')
    expect(widget.answers).toEqual(['late'])
    window.removeEventListener('widgent:ready', ready)
  })

  it('lenient: a ready flag, and commands sent before ready run in order once ready, before the event', async () => {
    const widget = install({ ready: false, lenient: true })
    expect(window.widgent!.ready).toBe(false)
    window.widgent!('setIdentityTokenFetcher', async () => 'queued')
    window.widgent!('open')
    expect(widget.commands).toEqual([])
    let seen: unknown[] = []
    window.addEventListener('widgent:ready', () => (seen = widget.commands.map(([name]) => name)), { once: true })
    widget.fireReady()
    expect(window.widgent!.ready).toBe(true)
    expect(seen).toEqual(['setIdentityTokenFetcher', 'open'])
    expect(widget.dropped).toEqual([])
    await widget.waitForToken('queued')
  })

  it('waitForToken rejects after its timeout, saying what the widget holds', async () => {
    vi.useFakeTimers()
    const widget = install()
    window.widgent!('setIdentityTokenFetcher', async () => 'token-grace')
    await vi.waitFor(() => expect(widget.token).toBe('token-grace'))
    const waiting = widget.waitForToken('token-ada', { timeout: 500 })
    const failed = expect(waiting).rejects.toThrow(
      `The widget holds "token-grace", not "token-ada", after 500 ms (answers: ["token-grace"])`,
    )
    await vi.advanceTimersByTimeAsync(499)
    let settled = false
    void waiting.catch(() => (settled = true))
    await Promise.resolve()
    expect(settled).toBe(false)
    await vi.advanceTimersByTimeAsync(1)
    await failed
  })

  it("the kit joins it: no script, no init, the fetcher registered, the signed-in user's token held", async () => {
    const widget = install()
    const client = createWidgent({
      productId: 'fake-widget-join',
      serviceKey: 'key',
      fetchToken: async (user) => `token-${user.id}`,
    })
    const unmount = client.mount()
    client.setUser({ id: 'ada' })
    await widget.waitForToken('token-ada')
    expect(document.querySelectorAll('script')).toHaveLength(0)
    expect(widget.inits).toEqual([])
    client.setUser(null)
    await widget.waitForToken('')
    unmount()
    await tick()
  })
})
