// @vitest-environment node
import { controlledFetchToken, flush, jwt, opaqueToken } from '@widgent/test-utils'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createTokenSource } from '../tokenSource'
import type { WidgentOptions } from '../types'

const ada = { id: 'ada', name: 'Ada' }
const grace = { id: 'grace' }
const down = () => new TypeError('Failed to fetch')

/** A token source over a `fetchToken` whose every request waits in `requests` for the test to answer it. */
function setup(options: Partial<WidgentOptions> = {}) {
  const { fetchToken, requests } = controlledFetchToken()
  // No other tab to ask: the token source goes to its route at once.
  const source = createTokenSource({ productId: 'p', serviceKey: 'k', fetchToken, ...options }, () => undefined)
  return { source, requests, fetchToken }
}

beforeEach(() => {
  // A whole second: a JWT's iat is then exactly now, and its life exactly its ttl.
  vi.useFakeTimers({ now: 1_700_000_000_000 })
  // Node 22 and later have Web Locks, under which a request starts a task later: these tests are about the token
  // source, so its requests start at once as in a browser without locks (the turns are tokensAcrossTabs.test's).
  vi.stubGlobal('navigator', undefined)
})
afterEach(() => {
  vi.useRealTimers()
  vi.unstubAllGlobals()
})

describe('single flight per user', () => {
  it('callers asking for the same user while a request is under way share it: one request, one promise', async () => {
    const { source, requests } = setup()
    const first = source._get(ada)
    // A new object for the same user is the same user.
    const second = source._get({ ...ada, name: 'Ada L.' })
    expect(second).toBe(first)
    expect(requests).toHaveLength(1)
    expect(requests[0]!.user).toBe(ada)
    requests[0]!.resolve(jwt('ada'))
    await expect(second).resolves.toMatchObject({ token: jwt('ada'), expiresAt: Date.now() + 3_600_000 })
  })

  it('asking for another user drops the request under way: aborted, its promise rejects, and the new user is asked for', async () => {
    const { source, requests } = setup()
    const forAda = source._get(ada)
    const forGrace = source._get(grace)
    expect(requests[0]!.signal.aborted).toBe(true)
    await expect(forAda).rejects.toMatchObject({ name: 'AbortError' })
    expect(requests.map((request) => request.user.id)).toEqual(['ada', 'grace'])
    requests[1]!.resolve(jwt('grace'))
    await expect(forGrace).resolves.toMatchObject({ token: jwt('grace') })
    expect(source._fresh('grace')).toMatchObject({ token: jwt('grace') })
  })
})

describe('the cache while the token is fresh', () => {
  it("answers the same user from the token it holds, with no new request; another user's id finds nothing", async () => {
    const { source, requests } = setup()
    const first = source._get(ada)
    requests[0]!.resolve(jwt('ada'))
    const token = await first
    expect(source._fresh('ada')).toBe(token)
    expect(source._fresh('grace')).toBeUndefined()
    await expect(source._get(ada)).resolves.toBe(token)
    expect(requests).toHaveLength(1)
  })

  it('second half: a token is handed out only in the first half of its remaining life, then asked for again', async () => {
    const { source, requests } = setup()
    const first = source._get(ada)
    requests[0]!.resolve(jwt('ada', 600))
    await first
    await vi.advanceTimersByTimeAsync(300_000 - 1)
    expect(source._fresh('ada')).toBeDefined()
    expect(source._get(ada)).toBe(first)
    await vi.advanceTimersByTimeAsync(1)
    expect(source._fresh('ada')).toBeUndefined()
    expect(source._get(ada)).not.toBe(first)
    expect(requests).toHaveLength(2)
  })

  it("second half of the token route's expiresAt, for a token that is not a JWT", async () => {
    vi.stubGlobal('fetch', async () => Response.json({ token: 'opaque', expiresAt: Date.now() + 20_000 }))
    const { source } = setup({ fetchToken: undefined, tokenEndpoint: '/api/widgent-token' })
    await source._get(ada)
    await vi.advanceTimersByTimeAsync(10_000 - 1)
    expect(source._fresh('ada')).toMatchObject({ token: 'opaque', expiresAt: Date.now() + 10_001 })
    await vi.advanceTimersByTimeAsync(1)
    expect(source._fresh('ada')).toBeUndefined()
  })

  it.each([
    ['60 s by default', undefined, 60_000],
    ['tokenMaxAgeMs when set', 5_000, 5_000],
  ])('a token of unknown expiry is kept for %s', async (_, tokenMaxAgeMs, keptMs) => {
    const { source, requests } = setup({ tokenMaxAgeMs })
    const first = source._get(ada)
    requests[0]!.resolve(opaqueToken('ada'))
    await expect(first).resolves.toMatchObject({ token: opaqueToken('ada'), expiresAt: null })
    await vi.advanceTimersByTimeAsync(keptMs - 1)
    expect(source._fresh('ada')).toBeDefined()
    await vi.advanceTimersByTimeAsync(1)
    expect(source._fresh('ada')).toBeUndefined()
  })
})

describe('clear()', () => {
  it('aborts the request under way: its promise rejects, and its late answer is nobody’s', async () => {
    const { source, requests } = setup()
    const first = source._get(ada)
    source._clear()
    expect(requests[0]!.signal.aborted).toBe(true)
    await expect(first).rejects.toMatchObject({ name: 'AbortError' })
    requests[0]!.resolve(jwt('ada'))
    await flush()
    expect(source._fresh('ada')).toBeUndefined()
    void source._get(ada)
    expect(requests).toHaveLength(2)
  })

  it('forgets the token it held: the next call asks again', async () => {
    const { source, requests } = setup()
    const first = source._get(ada)
    requests[0]!.resolve(jwt('ada'))
    await first
    source._clear()
    expect(source._fresh('ada')).toBeUndefined()
    expect(source._get(ada)).not.toBe(first)
    expect(requests).toHaveLength(2)
  })
})

describe('a failed request', () => {
  it('is forgotten: the next call for the same user asks again', async () => {
    const { source, requests } = setup()
    const first = source._get(ada, 1)
    requests[0]!.reject(down())
    await expect(first).rejects.toMatchObject({ name: 'WidgentError', code: 'token-fetch' })
    expect(source._fresh('ada')).toBeUndefined()
    expect(source._get(ada)).not.toBe(first)
    expect(requests).toHaveLength(2)
  })

  it('rejects with a WidgentError whatever fetchToken threw or answered', async () => {
    const { source, requests } = setup()
    const empty = source._get(ada)
    requests[0]!.resolve('')
    await expect(empty).rejects.toMatchObject({ name: 'WidgentError', code: 'invalid-token' })
    const expired = source._get(ada)
    requests[1]!.resolve(jwt('ada', -1))
    await expect(expired).rejects.toMatchObject({ code: 'invalid-token' })
    // A bad token will not get better by asking again: one request each.
    expect(requests).toHaveLength(2)
  })
})

describe('tries', () => {
  it('a failure that may get better is tried again 0.5 s, then 1 s later (3 tries by default); the last failure rejects', async () => {
    const { source, requests } = setup()
    const token = source._get(ada)
    const failure = expect(token).rejects.toMatchObject({ code: 'token-fetch' })
    requests[0]!.reject(down())
    await vi.advanceTimersByTimeAsync(499)
    expect(requests).toHaveLength(1)
    // Still the one request for Ada while it waits to try again.
    expect(source._get(ada)).toBe(token)
    await vi.advanceTimersByTimeAsync(1)
    expect(requests).toHaveLength(2)
    requests[1]!.reject(down())
    await vi.advanceTimersByTimeAsync(999)
    expect(requests).toHaveLength(2)
    await vi.advanceTimersByTimeAsync(1)
    expect(requests).toHaveLength(3)
    requests[2]!.reject(down())
    await failure
    await vi.advanceTimersByTimeAsync(60_000)
    expect(requests).toHaveLength(3)
  })

  it('`tries` caps them: an automatic try (1) asks once', async () => {
    const { source, requests } = setup()
    const token = source._get(ada, 1)
    requests[0]!.reject(down())
    await expect(token).rejects.toMatchObject({ code: 'token-fetch' })
    await vi.advanceTimersByTimeAsync(60_000)
    expect(requests).toHaveLength(1)
  })

  it('a try that succeeds after failures resolves the one promise', async () => {
    const { source, requests } = setup()
    const token = source._get(ada)
    requests[0]!.reject(down())
    await vi.advanceTimersByTimeAsync(500)
    requests[1]!.resolve(jwt('ada'))
    await expect(token).resolves.toMatchObject({ token: jwt('ada') })
    expect(source._fresh('ada')).toBeDefined()
  })

  it('each try is cut off after tokenTimeoutMs: its signal aborts and it fails as token-fetch', async () => {
    const { source, requests } = setup({ tokenTimeoutMs: 1_000 })
    const token = source._get(ada, 1)
    const failure = expect(token).rejects.toMatchObject({ code: 'token-fetch' })
    await vi.advanceTimersByTimeAsync(999)
    expect(requests[0]!.signal.aborted).toBe(false)
    await vi.advanceTimersByTimeAsync(1)
    expect(requests[0]!.signal.aborted).toBe(true)
    await failure
  })

  it('a try that succeeds leaves nothing behind: its timeout ends with it', async () => {
    const { source, requests } = setup()
    const token = source._get(ada)
    expect(vi.getTimerCount()).toBe(1)
    requests[0]!.resolve(jwt('ada'))
    await token
    expect(vi.getTimerCount()).toBe(0)
  })
})

describe('without fetchToken', () => {
  it('GETs tokenEndpoint for the user', async () => {
    const fetch = vi.fn(async () => Response.json({ token: jwt('ada') }))
    vi.stubGlobal('fetch', fetch)
    const { source } = setup({ fetchToken: undefined, tokenEndpoint: '/api/widgent-token' })
    await expect(source._get(ada)).resolves.toMatchObject({ token: jwt('ada') })
    expect(fetch).toHaveBeenCalledExactlyOnceWith(
      '/api/widgent-token',
      expect.objectContaining({ credentials: 'include' }),
    )
  })
})
