import { flush, goOnline, jwt, restoreFromCache, showPage, subOf } from '@widgent/test-utils'
import { afterEach, beforeEach, describe, expect, it, onTestFinished, vi } from 'vitest'
import { SESSION_SETTLE_MS, TAB_ANSWER_MS } from '../constants'
import type { WidgentOptions } from '../types'
import { setupClient } from './setupClient'

/**
 * Identity heals by itself: a failure that may get better is tried again on a capped backoff, on `online` and
 * when the page is seen again; other tabs and the back/forward cache make the kit ask its own token route again.
 */

const ada = { id: 'ada', name: 'Ada' }
const grace = { id: 'grace', name: 'Grace' }
const down = () => new TypeError('Failed to fetch')
// Node's, which the tests across tabs leave real: a task in which the channel may deliver.
declare const setImmediate: (callback: () => void) => void

/** A mounted client on a ready widget, signed in as Ada; `requests` holds each token request for the test to answer. */
async function setup(extra: Partial<WidgentOptions> = {}) {
  const { kit, widget, requests, client, onError, productId } = await setupClient({
    widget: { ready: true, strict: true },
    mount: true,
    ...extra,
  })
  client.setUser(ada)
  await flush()
  /** Fails the request under way (`error` says how) and each of its retries, 0.5 s and 1 s apart: the failure then stands. */
  const failAll = async (error: unknown = down()) => {
    for (const wait of [500, 1000, 0]) {
      requests.filter((request) => !request.signal.aborted).forEach((request) => request.reject(error))
      await vi.advanceTimersByTimeAsync(wait)
    }
  }
  return { kit, widget, requests, client, onError, failAll, productId }
}

beforeEach(() => {
  vi.useFakeTimers({ now: 1_700_000_000_000 })
  // No jitter unless a test asks for it: each delay exactly as the backoff says.
  vi.spyOn(Math, 'random').mockReturnValue(0.5)
})
afterEach(() => {
  vi.useRealTimers()
  vi.restoreAllMocks()
  vi.unstubAllGlobals()
})

describe('recovery from a failure that may get better', () => {
  it('tries again by itself at 5 s, then 10 s, 20 s, 40 s..., one request each, and shows when in retryAt', async () => {
    const { requests, client, failAll } = await setup()
    await failAll()
    expect(requests).toHaveLength(3)
    const failedAt = Date.now()
    expect(client.getSnapshot()).toMatchObject({
      identity: 'error',
      error: { code: 'token-fetch' },
      retryAt: failedAt + 5000,
    })
    for (const [i, delay] of [5000, 10_000, 20_000, 40_000].entries()) {
      await vi.advanceTimersByTimeAsync(delay - 1)
      expect(requests).toHaveLength(3 + i)
      await vi.advanceTimersByTimeAsync(1)
      expect(requests).toHaveLength(4 + i)
      // While it tries, the app still sees the failure and when the next try is due.
      expect(client.getSnapshot()).toMatchObject({ identity: 'error', error: { code: 'token-fetch' } })
      requests.at(-1)!.reject(down())
      await flush()
      expect(client.getSnapshot().retryAt).toBe(Date.now() + delay * 2)
    }
  })

  it('gives the widget the token as soon as one arrives (registering the fetcher again), and clears the error', async () => {
    const { widget, requests, client, failAll, onError } = await setup()
    await failAll()
    expect(widget.answers).toEqual([''])
    await vi.advanceTimersByTimeAsync(5000)
    requests[3]!.resolve(jwt('ada'))
    await flush()
    expect(widget.registrations).toBe(2)
    expect(widget.answers.map(subOf)).toEqual(['', 'ada'])
    expect(client.getSnapshot()).toMatchObject({ identity: 'identified', error: null, retryAt: null })
    expect(onError).toHaveBeenCalledTimes(1)
  })

  it('reports the failure to onError once, not at every automatic try', async () => {
    const { requests, failAll, onError } = await setup()
    await failAll()
    for (const delay of [5000, 10_000, 20_000]) {
      await vi.advanceTimersByTimeAsync(delay)
      requests.at(-1)!.reject(down())
      await flush()
    }
    expect(onError).toHaveBeenCalledTimes(1)
  })

  it('waits 5 min at most between tries, with up to a quarter of jitter either way', async () => {
    const { requests, client, failAll } = await setup()
    await failAll()
    for (let i = 0; i < 8; i++) {
      await vi.advanceTimersByTimeAsync(client.getSnapshot().retryAt! - Date.now())
      requests.at(-1)!.reject(down())
      await flush()
    }
    expect(client.getSnapshot().retryAt! - Date.now()).toBe(300_000)
    vi.mocked(Math.random).mockReturnValue(0)
    await vi.advanceTimersByTimeAsync(300_000)
    requests.at(-1)!.reject(down())
    await flush()
    expect(client.getSnapshot().retryAt! - Date.now()).toBe(225_000)
    vi.mocked(Math.random).mockReturnValue(0.999999)
    await vi.advanceTimersByTimeAsync(225_000)
    requests.at(-1)!.reject(down())
    await flush()
    expect(client.getSnapshot().retryAt! - Date.now()).toBeCloseTo(375_000, -1)
  })

  it('a route that keeps failing gets 3 requests, then one per try: 10 in its first 10 minutes, 1 per 5 minutes after', async () => {
    const { requests, failAll } = await setup()
    await failAll()
    const failForever = async (ms: number) => {
      for (const end = Date.now() + ms; Date.now() < end;) {
        await vi.advanceTimersByTimeAsync(1000)
        requests.filter((request) => !request.signal.aborted).forEach((request) => request.reject(down()))
        await flush()
      }
    }
    await failForever(10 * 60_000 - 1500)
    // 3, then at 5, 15, 35, 75, 155, 315 and 615 s... the last just past the 10 minutes.
    expect(requests).toHaveLength(9)
    await failForever(30 * 60_000)
    expect(requests.length - 9).toBeLessThanOrEqual(7)
  })

  it('tries at once when the browser goes back online, even within the backoff', async () => {
    const { widget, requests, client, failAll } = await setup()
    await failAll()
    await vi.advanceTimersByTimeAsync(1000)
    goOnline()
    expect(requests).toHaveLength(4)
    requests[3]!.resolve(jwt('ada'))
    await flush()
    expect(client.getSnapshot().identity).toBe('identified')
    expect(widget.answers.map(subOf).at(-1)).toBe('ada')
    // The backoff's own try was cancelled with the failure.
    await vi.advanceTimersByTimeAsync(60_000)
    expect(requests).toHaveLength(4)
  })

  it('tries at once when the page is seen again, but not within 5 s of the last try', async () => {
    const { requests, failAll } = await setup()
    await failAll() // the request started 1.5 s ago
    showPage()
    expect(requests).toHaveLength(3)
    await vi.advanceTimersByTimeAsync(3500)
    showPage()
    expect(requests).toHaveLength(4)
    requests[3]!.reject(down())
    await flush()
    showPage()
    showPage()
    expect(requests).toHaveLength(4)
  })

  it('does nothing more once the user signs out, and leaves no timer when destroyed', async () => {
    const { requests, client, failAll } = await setup()
    await failAll()
    client.setUser(null)
    await vi.advanceTimersByTimeAsync(600_000)
    goOnline()
    showPage()
    expect(requests).toHaveLength(3)
    expect(client.getSnapshot()).toMatchObject({ identity: 'anonymous', error: null, retryAt: null })
    client.setUser(ada)
    await flush()
    await failAll()
    client.destroy()
    await flush()
    expect(vi.getTimerCount()).toBe(0)
  })

  it('a change of user starts afresh, with a backoff of its own', async () => {
    const { requests, client, failAll } = await setup()
    await failAll()
    await vi.advanceTimersByTimeAsync(5000)
    requests[3]!.reject(down())
    await flush()
    client.setUser(grace)
    await flush()
    await failAll()
    expect(client.getSnapshot().retryAt).toBe(Date.now() + 5000)
  })
})

describe('a failure that will not get better by itself', () => {
  it.each([
    ['unauthorized (401)', 'unauthorized', 401],
    ['an invalid token', 'invalid-token', undefined],
  ] as const)('%s: no timer and no online try; one try each time the page is seen again', async (_, code, status) => {
    const { kit, requests, client, failAll } = await setup()
    // The kit's own error class: the test's copy of the kit is a fresh module.
    const error = new kit.WidgentError(code, 'will not get better', status)
    requests[0]!.reject(error)
    await flush()
    expect(client.getSnapshot()).toMatchObject({ identity: 'error', error: { code: error.code }, retryAt: null })
    await vi.advanceTimersByTimeAsync(600_000)
    goOnline()
    expect(requests).toHaveLength(1)
    showPage()
    expect(requests).toHaveLength(2)
    await failAll(error)
    expect(requests).toHaveLength(2)
    showPage() // within 5 s of that try
    await vi.advanceTimersByTimeAsync(5000)
    showPage()
    expect(requests).toHaveLength(3)
    requests[2]!.resolve(jwt('ada'))
    await flush()
    expect(client.getSnapshot()).toMatchObject({ identity: 'identified', error: null })
  })
})

describe('across tabs', () => {
  /** Another tab of the origin, listening and speaking on the kit's channel for `productId`. */
  const otherTab = (productId: string) => {
    const channel = new BroadcastChannel(`widgent:${productId}`)
    const heard: unknown[] = []
    channel.onmessage = (event) => heard.push(event.data)
    onTestFinished(() => channel.close())
    return { heard, say: (userId: string | null) => channel.postMessage(userId) }
  }

  // A channel delivers in a task of its own.
  beforeEach(() => vi.useRealTimers())

  it('tells the other tabs when the user changes, with the id at most (no token, no name), and not when auth first settles', async () => {
    const { client, productId, requests } = await setup()
    const tab = otherTab(productId)
    requests[0]!.resolve(jwt('ada'))
    client.setUser(grace)
    client.setUser(null)
    await vi.waitFor(() => expect(tab.heard).toHaveLength(2))
    expect(tab.heard).toEqual(['grace', null])
  })

  /** Timers faked, but not the channel's delivery (a task of its own): SESSION_SETTLE_MS is played, not waited. */
  const fakeTimers = () => vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] })
  /** Until the widget has been registered `times` times, letting real tasks run and no fake time pass. */
  const registered = async (widget: { registrations: number }, times: number) => {
    for (let task = 0; task < 1000 && widget.registrations < times; task++)
      await new Promise<void>((resolve) => setImmediate(resolve))
    expect(widget.registrations).toBe(times)
  }

  it("a sign-out in another tab: the widget is anonymous at once, and once this tab's auth says so no request is made, no error", async () => {
    fakeTimers()
    const { widget, client, productId, requests, onError } = await setup()
    requests[0]!.resolve(jwt('ada'))
    await flush()
    otherTab(productId).say(null)
    await registered(widget, 2)
    expect(widget.answers.map(subOf)).toEqual(['ada', ''])
    expect(client.getSnapshot()).toMatchObject({ identity: 'signed-in', user: ada, error: null })
    await vi.advanceTimersByTimeAsync(500) // this tab's own session check answers
    client.setUser(null)
    await vi.advanceTimersByTimeAsync(10_000)
    expect(requests).toHaveLength(1)
    expect(client.getSnapshot()).toMatchObject({ identity: 'anonymous', error: null })
    await flush()
    expect(onError).not.toHaveBeenCalled()
  })

  it("a sign-out in another tab that this tab's auth never reports: its own route is asked after SESSION_SETTLE_MS, and its 401 is the sign-out, not an error", async () => {
    fakeTimers()
    const { kit, widget, client, productId, requests, onError } = await setup()
    requests[0]!.resolve(jwt('ada'))
    await flush()
    otherTab(productId).say(null)
    await registered(widget, 2)
    await vi.advanceTimersByTimeAsync(SESSION_SETTLE_MS - 1)
    expect(requests).toHaveLength(1)
    // Settled: it asks the other tab for a token first (this one has none to give), then its own route.
    await vi.advanceTimersByTimeAsync(1 + TAB_ANSWER_MS)
    expect(requests).toHaveLength(2)
    expect(requests[1]!.user).toEqual(ada) // this tab's app still says Ada: only the route knows better
    requests[1]!.reject(new kit.WidgentError('unauthorized', 'signed out', 401))
    await flush()
    expect(client.getSnapshot()).toMatchObject({ identity: 'anonymous', user: ada, error: null })
    expect(widget.answers.map(subOf)).toEqual(['ada', '', ''])
    await widget.ask() // the widget asks again: anonymous, with no request
    expect(requests).toHaveLength(2)
    expect(onError).not.toHaveBeenCalled()
  })

  it('a 401 with no word from another tab is still an error', async () => {
    const { kit, client, requests, onError } = await setup()
    requests[0]!.reject(new kit.WidgentError('unauthorized', 'signed out', 401))
    await vi.waitFor(() =>
      expect(client.getSnapshot()).toMatchObject({ identity: 'error', error: { code: 'unauthorized' } }),
    )
    expect(onError).toHaveBeenCalledOnce()
  })

  it('a switch in another tab that this tab follows: one request, for the new user', async () => {
    fakeTimers()
    const { widget, client, productId, requests } = await setup()
    requests[0]!.resolve(jwt('ada'))
    await flush()
    otherTab(productId).say('grace')
    await registered(widget, 2)
    client.setUser(grace)
    await vi.advanceTimersByTimeAsync(10_000)
    expect(requests.map((request) => request.user.id)).toEqual(['ada', 'grace'])
  })

  it('another tab switching to the same user as this one changes nothing', async () => {
    const { widget, productId, requests } = await setup()
    requests[0]!.resolve(jwt('ada'))
    const tab = otherTab(productId)
    tab.say('ada')
    tab.say('grace') // then a real change, so the test knows the first message has been heard
    await vi.waitFor(() => expect(widget.registrations).toBe(2))
    expect(requests).toHaveLength(1)
  })

  it('where BroadcastChannel is missing, the client runs on its own: a change of user still reaches its widget', async () => {
    vi.stubGlobal('BroadcastChannel', undefined)
    const { widget, client, requests } = await setup()
    requests[0]!.resolve(jwt('ada'))
    await flush()
    client.setUser(grace)
    requests[1]!.resolve(jwt('grace'))
    await flush()
    expect(client.getSnapshot()).toMatchObject({ identity: 'identified', user: grace })
    expect(widget.answers.map(subOf).at(-1)).toBe('grace')
  })
})

describe('the back/forward cache', () => {
  it('a page restored from it asks its own token route again, whatever it held', async () => {
    const { kit, widget, client, requests } = await setup()
    requests[0]!.resolve(jwt('ada'))
    await flush()
    restoreFromCache()
    expect(requests).toHaveLength(2)
    expect(client.getSnapshot().identity).toBe('fetching')
    requests[1]!.reject(new kit.WidgentError('unauthorized', 'signed out elsewhere', 401))
    await flush()
    expect(widget.answers.map(subOf)).toEqual(['ada', ''])
  })

  it('a page shown again without the cache (persisted false) asks nothing', async () => {
    const { requests } = await setup()
    requests[0]!.resolve(jwt('ada'))
    await flush()
    window.dispatchEvent(new Event('pageshow'))
    expect(requests).toHaveLength(1)
  })
})
