import { flush, jwt, opaqueToken } from '@widgent/test-utils'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { fetchFromEndpoint } from '../fetchFromEndpoint'
import { parseToken } from '../parseToken'
import { setupClient } from './setupClient'

/**
 * The page's clock may be hours off the service's (set by hand, a dead battery, a paused VM). A token's life is
 * judged by the service's time (the JWT's iat, the token route's Date header), counted from its arrival in the page.
 */

const SERVICE_NOW = Date.UTC(2026, 11, 5, 12, 0, 0)
const HOUR = 3_600_000
const ada = { id: 'ada', name: 'Ada' }

/** The page's clock `skew` ms off the service's (positive: fast). */
const pageClock = (skew: number) => vi.useFakeTimers({ now: SERVICE_NOW + skew })

/** A token route answering `body` with the service's time in its Date header (or none). */
const route = (body: object, date: number | null = SERVICE_NOW) =>
  vi.fn(
    async () =>
      new Response(JSON.stringify(body), { headers: date === null ? {} : { date: new Date(date).toUTCString() } }),
  )

const signal = new AbortController().signal

afterEach(() => {
  vi.useRealTimers()
  vi.unstubAllGlobals()
})

describe.each([
  ['3 hours fast', 3 * HOUR],
  ['3 hours slow', -3 * HOUR],
  ['a day fast', 24 * HOUR],
])("the page's clock %s", (_, skew) => {
  it('a JWT with iat lives its real life, counted from its arrival', () => {
    pageClock(skew)
    const token = jwt('ada', 3600, { issuedAt: SERVICE_NOW })
    expect(parseToken(token)).toEqual({ token, expiresAt: Date.now() + HOUR })
  })

  it("a JWT without iat is judged by the token route's Date header", async () => {
    pageClock(skew)
    const token = jwt('ada', 3600, { issuedAt: SERVICE_NOW, iat: false })
    vi.stubGlobal('fetch', route({ token }))
    await expect(fetchFromEndpoint('/t', signal)).resolves.toEqual({ token, expiresAt: Date.now() + HOUR })
  })

  it("a token of unknown format with the route's expiresAt (the server's clock) is judged by its Date header", async () => {
    pageClock(skew)
    vi.stubGlobal('fetch', route({ token: 'opaque', expiresAt: SERVICE_NOW + 60_000 }))
    await expect(fetchFromEndpoint('/t', signal)).resolves.toEqual({ token: 'opaque', expiresAt: Date.now() + 60_000 })
  })

  it('a JWT dead on arrival is still invalid-token, and the message names the clock that said so', async () => {
    pageClock(skew)
    expect(() => parseToken(jwt('ada', 0, { issuedAt: SERVICE_NOW }))).toThrow(/no later than its own iat/)
    const stale = jwt('ada', 60, { issuedAt: SERVICE_NOW - 120_000, iat: false })
    vi.stubGlobal('fetch', route({ token: stale }))
    await expect(fetchFromEndpoint('/t', signal)).rejects.toMatchObject({
      code: 'invalid-token',
      message: expect.stringMatching(/token route's clock/),
    })
    // A token the route cached past its life: its Date says so even though the JWT's iat looks recent enough.
    const cached = jwt('ada', 60, { issuedAt: SERVICE_NOW - 120_000 })
    vi.stubGlobal('fetch', route({ token: cached }))
    await expect(fetchFromEndpoint('/t', signal)).rejects.toMatchObject({
      code: 'invalid-token',
      message: expect.stringMatching(/token route's clock/),
    })
  })
})

describe('a skewed page clock with no service time at all', () => {
  it("is the last resort, and its message says to check this device's clock", async () => {
    pageClock(3 * HOUR)
    vi.stubGlobal('fetch', route({ token: jwt('ada', 3600, { issuedAt: SERVICE_NOW, iat: false }) }, null))
    await expect(fetchFromEndpoint('/t', signal)).rejects.toMatchObject({
      code: 'invalid-token',
      message: expect.stringMatching(/this page's clock.*device's clock/),
    })
  })
})

describe.each([
  ['the vendor contract only', { strict: true }],
  ['a lenient widget', { strict: false }],
])('with %s', (_, widget) => {
  it("a page clock 3 hours fast: the user is identified with the backend's 1-hour JWTs, and the token is reused for half its life", async () => {
    pageClock(3 * HOUR)
    const { widget: fake, client, requests, onError } = await setupClient({ widget, mount: true })
    client.setUser(ada)
    await flush()
    const token = jwt('ada', 3600, { issuedAt: SERVICE_NOW })
    requests[0]!.resolve(token)
    await flush()
    expect(client.getSnapshot()).toMatchObject({ identity: 'identified', error: null, expiresAt: Date.now() + HOUR })
    expect(fake.answers.at(-1)).toBe(token)
    await vi.advanceTimersByTimeAsync(29 * 60_000)
    await fake.ask()
    expect(requests).toHaveLength(1)
    expect(fake.answers.at(-1)).toBe(token)
    expect(onError).not.toHaveBeenCalled()
  })

  it('a page clock 3 hours slow: a 4-second JWT is never handed out in the second half of its real life', async () => {
    pageClock(-3 * HOUR)
    const { widget: fake, client, requests } = await setupClient({ widget, mount: true })
    client.setUser(ada)
    await flush()
    const first = jwt('ada', 4, { issuedAt: SERVICE_NOW })
    requests[0]!.resolve(first)
    await flush()
    expect(fake.answers.at(-1)).toBe(first)
    await vi.advanceTimersByTimeAsync(1000)
    await fake.ask()
    expect(fake.answers.at(-1)).toBe(first)
    expect(requests).toHaveLength(1)
    // One second before it really expires: a fresh token, not the old one.
    await vi.advanceTimersByTimeAsync(2000)
    const asked = fake.ask()
    await flush()
    expect(requests).toHaveLength(2)
    const second = jwt('ada', 4, { issuedAt: SERVICE_NOW + 3000 })
    requests[1]!.resolve(second)
    expect(await asked).toBe(second)
  })

  it("an opaque token with the route's expiresAt, the page 3 hours slow: fetched afresh in the second half of its life", async () => {
    pageClock(-3 * HOUR)
    vi.stubGlobal('fetch', route({ token: opaqueToken('ada'), expiresAt: SERVICE_NOW + 4000 }))
    const { widget: fake, client } = await setupClient({
      widget,
      mount: true,
      fetchToken: undefined,
      tokenEndpoint: '/t',
    })
    client.setUser(ada)
    await vi.advanceTimersByTimeAsync(0)
    expect(client.getSnapshot()).toMatchObject({ identity: 'identified', expiresAt: Date.now() + 4000 })
    expect(fetch).toHaveBeenCalledTimes(1)
    await vi.advanceTimersByTimeAsync(3000)
    await fake.ask()
    expect(fetch).toHaveBeenCalledTimes(2)
  })
})
