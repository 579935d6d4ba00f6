import { flush, jwt, opaqueToken, subOf, uniqueProduct } from '@widgent/test-utils'
import { afterEach, describe, expect, it, onTestFinished, vi } from 'vitest'
import { TAB_ANSWER_MS } from '../constants'
import { openTabChannel, type TabEvents } from '../tabChannel'
import { createTokenSource, type FreshToken } from '../tokenSource'
import { setupClient } from './setupClient'

/** One token per user per token life in a browser: tabs share theirs, and a tab's next page load may keep it. */

const ada = { id: 'ada', name: 'Ada' }
const grace = { id: 'grace', name: 'Grace' }
const fresh = (sub: string): FreshToken => ({ token: jwt(sub), expiresAt: null, freshUntil: Date.now() + 60_000 })

/** A tab's end of the channel for `productId`, closed when the test ends. */
const tab = (productId: string, events: Partial<TabEvents> = {}) => {
  const run = new AbortController()
  onTestFinished(() => run.abort())
  return openTabChannel(productId, { _changed: () => {}, _asked: () => undefined, ...events }, run.signal)
}

afterEach(() => {
  vi.useRealTimers()
  vi.unstubAllGlobals()
  sessionStorage.clear()
})

describe('tabs share a token', () => {
  it('a tab alone asks nobody and waits for nobody', () => {
    expect(tab(uniqueProduct())._ask('ada')).toBeUndefined()
  })

  it("a tab that needs Ada's token gets the fresh one another tab signed in as Ada holds", async () => {
    const productId = uniqueProduct()
    const token = fresh('ada')
    const asked: string[] = []
    tab(productId, { _asked: (userId) => (asked.push(userId), userId == 'ada' ? token : undefined) })
    const newcomer = tab(productId)
    // The tab already there answers the newcomer's hello, so it knows whom to ask.
    await vi.waitFor(() => expect(newcomer._ask('ada')).toBeDefined())
    expect(await newcomer._ask('ada')).toEqual(token)
    expect(asked).toContain('ada')
  })

  it("never a token for another user: a tab whose user is Grace gives nothing to a tab asking for Ada's", async () => {
    const productId = uniqueProduct()
    tab(productId, { _asked: (userId) => (userId == 'grace' ? fresh('grace') : undefined) })
    const newcomer = tab(productId)
    await vi.waitFor(() => expect(newcomer._ask('ada')).toBeDefined())
    const started = performance.now()
    expect(await newcomer._ask('ada')).toBeUndefined()
    expect(performance.now() - started).toBeGreaterThanOrEqual(TAB_ANSWER_MS - 1)
  })

  it('a token never goes through storage: without BroadcastChannel, tabs share nothing', () => {
    vi.stubGlobal('BroadcastChannel', undefined)
    const productId = uniqueProduct()
    const channel = tab(productId, { _asked: () => fresh('ada') })
    channel._tell('ada')
    expect(channel._ask('ada')).toBeUndefined()
    expect(JSON.stringify({ ...localStorage })).not.toContain('eyJ')
  })

  it("the token source takes another tab's fresh token before asking its own route", async () => {
    const fetchToken = vi.fn(async () => jwt('ada'))
    const shared = fresh('ada')
    const tokens = createTokenSource({ productId: uniqueProduct(), serviceKey: 'k', fetchToken }, (userId) =>
      Promise.resolve(userId == 'ada' ? shared : undefined),
    )
    expect(await tokens._get(ada)).toEqual(shared)
    expect(fetchToken).not.toHaveBeenCalled()
    expect(tokens._fresh('ada')).toEqual(shared)
  })

  it('a shared token past its freshUntil, or none in time, is not taken: the route is asked', async () => {
    const fetchToken = vi.fn(async () => jwt('ada'))
    const stale = { ...fresh('ada'), freshUntil: Date.now() - 1 }
    const tokens = createTokenSource({ productId: uniqueProduct(), serviceKey: 'k', fetchToken }, () =>
      Promise.resolve(stale),
    )
    expect(subOf((await tokens._get(ada)).token)).toBe('ada')
    expect(fetchToken).toHaveBeenCalledOnce()
  })
})

describe("tokenStorage: 'sessionStorage' (the next page load of the same user)", () => {
  /** A page load: a fresh kit and client, signed in as `user`, with `requests` for its own token route. */
  const pageLoad = (options: { tokenStorage?: 'memory' | 'sessionStorage' } = { tokenStorage: 'sessionStorage' }) =>
    setupClient({ mount: true, widget: { ready: true, strict: true }, productId: 'kept', ...options })

  it('keeps the token: the next load of the same user is identified with no request', async () => {
    const first = await pageLoad()
    first.client.setUser(ada)
    await flush()
    first.requests[0]!.resolve(opaqueToken('ada'))
    await flush()
    first.client.destroy()

    const next = await pageLoad()
    next.client.setUser(ada)
    expect(next.client.getSnapshot().identity).toBe('identified')
    await flush()
    expect(next.requests).toHaveLength(0)
    expect(next.widget.answers.map(subOf)).toEqual(['ada'])
  })

  it("a switch of user on the next load asks the route for the new user, never hands out the old user's token", async () => {
    const first = await pageLoad()
    first.client.setUser(ada)
    await flush()
    first.requests[0]!.resolve(opaqueToken('ada'))
    await flush()
    first.client.destroy()

    const next = await pageLoad()
    next.client.setUser(grace)
    await flush()
    expect(next.requests.map((request) => request.user.id)).toEqual(['grace'])
    expect(next.widget.answers.map(subOf)).not.toContain('ada')
    expect(sessionStorage.getItem('widgent:token:kept')).toBeNull()
  })

  it('is removed at sign-out, and a stale one is never used', async () => {
    vi.useFakeTimers()
    const first = await pageLoad()
    first.client.setUser(ada)
    await flush()
    first.requests[0]!.resolve(opaqueToken('ada'))
    await flush()
    expect(sessionStorage.getItem('widgent:token:kept')).toContain('"id":"ada"')
    first.client.setUser(null)
    expect(sessionStorage.getItem('widgent:token:kept')).toBeNull()

    first.client.setUser(ada)
    await flush()
    first.requests[1]!.resolve(opaqueToken('ada'))
    await flush()
    first.client.destroy()
    await vi.advanceTimersByTimeAsync(60_000) // tokenMaxAgeMs: stale
    const next = await pageLoad()
    next.client.setUser(ada)
    await flush()
    expect(next.requests).toHaveLength(1)
    expect(next.client.getSnapshot().identity).toBe('fetching')
  })

  it("is off by default: 'memory' keeps nothing in storage", async () => {
    const first = await pageLoad({})
    first.client.setUser(ada)
    await flush()
    first.requests[0]!.resolve(jwt('ada'))
    await flush()
    expect(sessionStorage.length).toBe(0)
  })
})
