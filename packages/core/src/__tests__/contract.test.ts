import { flush, jwt, opaqueToken, subOf, type FakeWidgetOptions } from '@widgent/test-utils'
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { WidgentOptions } from '../types'
import { setupClient } from './setupClient'

/**
 * The kit against a widget and a token source that follow the vendor page and nothing more: tokens of any format,
 * no `ready` flag, commands before `widgent:ready` dropped, a token route that may hang.
 */

const ada = { id: 'ada', name: 'Ada' }
const grace = { id: 'grace', name: 'Grace' }

/** A fresh kit, a widget as `widgetOptions` say (none for null), and a client, not yet mounted. */
const setup = async (widgetOptions: FakeWidgetOptions | null, options: Partial<WidgentOptions> = {}) => {
  const { widget, client, requests, onError } = await setupClient({ widget: widgetOptions, ...options })
  return { widget, client, requests, onError }
}

afterEach(() => {
  vi.useRealTimers()
  vi.unstubAllGlobals()
})

describe('tokens of any format', () => {
  it.each([
    ['a dotted signed token that is not a JWT', opaqueToken('ada')],
    ['a PASETO', 'v4.local.Zm9vYmFy.c2ln'],
    ['an opaque string', 'wgt_0123456789abcdef'],
  ])('%s identifies the user, its expiry unknown', async (_, token) => {
    const { widget, client: widgent, requests, onError } = await setup({ strict: true })
    widgent.mount()
    widgent.setUser(ada)
    await flush()
    requests[0]!.resolve(token)
    await flush()
    expect(widget.answers).toEqual([token])
    expect(widgent.getSnapshot()).toMatchObject({ identity: 'identified', expiresAt: null, error: null })
    expect(onError).not.toHaveBeenCalled()
  })

  it('one request per sign-in for a token of unknown expiry, however many widget calls, blips and remounts come within tokenMaxAgeMs', async () => {
    vi.useFakeTimers()
    const { widget, client: widgent, requests } = await setup({ strict: true })
    let unmount = widgent.mount()
    widgent.setUser(ada)
    await flush()
    requests[0]!.resolve(opaqueToken('ada'))
    await flush()
    await vi.advanceTimersByTimeAsync(400)
    await widget.ask() // the widget asks again 400 ms later
    widgent.setUser(undefined) // an auth loading blip
    await widget.ask()
    widgent.setUser(ada)
    unmount() // the provider remounts
    unmount = widgent.mount()
    widgent.setUser(ada)
    await vi.advanceTimersByTimeAsync(1000)
    await widget.ask()
    expect(requests).toHaveLength(1)
    expect(widget.answers.map(subOf).filter(Boolean)).toEqual(['ada', 'ada', 'ada', 'ada', 'ada'])
    expect(widgent.getSnapshot()).toMatchObject({ identity: 'identified', user: ada })
    unmount()
  })
})

describe('the token cache across an unmount', () => {
  it('survives the last unmount and a remount for the same user', async () => {
    const { widget, client: widgent, requests } = await setup({ strict: true })
    widgent.mount()
    widgent.setUser(ada)
    await flush()
    requests[0]!.resolve(jwt('ada'))
    await flush()
    widgent.destroy()
    expect(widgent.getSnapshot()).toMatchObject({ identity: 'unknown', user: null })

    widgent.mount()
    widgent.setUser(ada)
    await flush()
    expect(widgent.getSnapshot()).toMatchObject({ identity: 'identified', user: ada, expiresAt: expect.any(Number) })
    expect(requests).toHaveLength(1)
    expect(subOf(widget.answers.at(-1)!)).toBe('ada')
  })

  it.each([
    ['someone else', grace],
    ['signed out', null],
  ])('is dropped when the remount is for %s', async (_, next) => {
    const { widget, client: widgent, requests } = await setup({ strict: true })
    widgent.mount()
    widgent.setUser(ada)
    await flush()
    requests[0]!.resolve(jwt('ada'))
    await flush()
    widgent.destroy()
    widgent.mount()
    widgent.setUser(next)
    await flush()
    expect(widget.answers.slice(1).map(subOf)).not.toContain('ada')
    widgent.setUser(ada)
    await flush()
    expect(requests.map((request) => request.user.id)).toEqual(next ? ['ada', 'grace', 'ada'] : ['ada', 'ada'])
  })

  it('does not keep a request under way, nor a failure, across the unmount', async () => {
    const { widget, client: widgent, requests } = await setup({ strict: true })
    widgent.mount()
    widgent.setUser(ada)
    await flush()
    widgent.destroy()
    expect(requests[0]!.signal.aborted).toBe(true)
    widgent.mount()
    widgent.setUser(ada)
    await flush()
    expect(requests).toHaveLength(2)
    requests[1]!.resolve(jwt('ada'))
    await flush()
    expect(subOf(widget.answers.at(-1)!)).toBe('ada')
  })
})

describe('a widget the page loaded itself', () => {
  it("ready before the kit started, with no ready flag: one init (the page's), the fetcher registered, no timeout", async () => {
    vi.useFakeTimers()
    const {
      widget,
      client: widgent,
      requests,
      onError,
    } = await setup({ ready: true, strict: true }, { loadTimeoutMs: 1000 })
    widget.inits.push({ productId: 'p', serviceKey: 'k' }) // the vendor's snippet ran
    widgent.mount()
    widgent.setUser(ada)
    await flush()
    requests[0]!.resolve(jwt('ada'))
    await vi.advanceTimersByTimeAsync(60_000)
    expect(widget.inits).toHaveLength(1)
    expect(document.querySelectorAll('script')).toHaveLength(0)
    expect(widget.answers.map(subOf)).toEqual(['ada'])
    expect(widgent.getSnapshot()).toMatchObject({ widget: 'ready', identity: 'identified', error: null })
    expect(onError).not.toHaveBeenCalled()
  })

  it('ready after the kit joined it, dropping what it was sent before: the fetcher is registered again on widgent:ready', async () => {
    const { widget, client: widgent, requests } = await setup({ ready: false, strict: true })
    widgent.mount()
    widgent.setUser(ada)
    await flush()
    expect(widget.dropped.map(([name]) => name)).toEqual(['setIdentityTokenFetcher'])
    expect(widget.registrations).toBe(0)
    widget.fireReady()
    await flush()
    expect(widget.registrations).toBe(1)
    requests[0]!.resolve(jwt('ada'))
    await flush()
    expect(widget.answers.map(subOf)).toEqual(['ada'])
    expect(requests).toHaveLength(1)
    expect(widget.inits).toHaveLength(0)
  })

  it('a lenient widget that says it is not ready yet: the kit waits for its ready event, never inits it', async () => {
    const { widget, client: widgent } = await setup({ ready: false })
    widgent.mount()
    await flush()
    expect(widgent.getSnapshot().widget).toBe('loading')
    widget.fireReady()
    await flush()
    expect(widgent.getSnapshot().widget).toBe('ready')
    expect(widget.registrations).toBe(1)
    expect(widget.inits).toHaveLength(0)
  })
})

describe('a token route that hangs', () => {
  it('the widget is answered anonymous within tokenTimeoutMs, the retries go on, and the token that comes reaches it', async () => {
    vi.useFakeTimers()
    const { widget, client: widgent, requests } = await setup({ strict: true })
    widgent.mount()
    widgent.setUser(ada)
    await flush()
    await vi.advanceTimersByTimeAsync(9999)
    expect(widget.answers).toEqual([])
    await vi.advanceTimersByTimeAsync(1)
    expect(widget.answers).toEqual([''])
    expect(widgent.getSnapshot().identity).toBe('fetching')
    // The first try was cut off at 10 s too; the second starts 0.5 s later and answers.
    await vi.advanceTimersByTimeAsync(500)
    expect(requests).toHaveLength(2)
    expect(requests[0]!.signal.aborted).toBe(true)
    requests[1]!.resolve(jwt('ada'))
    await flush()
    expect(widget.registrations).toBe(2)
    expect(widget.answers.map(subOf)).toEqual(['', 'ada'])
    expect(widgent.getSnapshot()).toMatchObject({ identity: 'identified', error: null })
  })

  it('a late token for a user who has left reaches nobody', async () => {
    vi.useFakeTimers()
    const { widget, client: widgent, requests } = await setup({ strict: true }, { tokenTimeoutMs: 1000 })
    widgent.mount()
    widgent.setUser(ada)
    await vi.advanceTimersByTimeAsync(1000)
    expect(widget.answers).toEqual([''])
    widgent.setUser(null)
    await flush()
    requests[0]!.resolve(jwt('ada'))
    await vi.advanceTimersByTimeAsync(5000)
    expect(widget.answers.map(subOf)).toEqual(['', ''])
  })
})

describe('loading under Trusted Types', () => {
  it('a page that forbids the policy gets script-load after the load retries, never token-fetch', async () => {
    vi.useFakeTimers()
    vi.stubGlobal('trustedTypes', {
      createPolicy: () => {
        throw new TypeError('Refused to create a TrustedTypePolicy named "widgent".')
      },
    })
    const { client: widgent, onError } = await setup(null)
    widgent.mount()
    widgent.setUser(ada)
    await vi.advanceTimersByTimeAsync(60_000)
    expect(document.querySelectorAll('script')).toHaveLength(0)
    expect(widgent.getSnapshot()).toMatchObject({ widget: 'error', error: { code: 'script-load' } })
    expect(onError.mock.calls.map(([error]) => error.code)).toEqual(['script-load'])
  })
})
