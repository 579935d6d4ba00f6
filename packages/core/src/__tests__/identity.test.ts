import { flush, installFakeWidget, jwt, opaqueToken, subOf, uniqueProduct } from '@widgent/test-utils'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { WidgentOptions } from '../types'
import { freshKit } from './freshKit'
import { setupClient } from './setupClient'

// Every rule holds on a widget that offers the vendor page's contract only (strict) and on a lenient one.
let strict = false

/**
 * A mounted client on a ready widget. `requests` holds one deferred per token request, so each test
 * decides when, and in which order, the backend answers.
 */
async function setup(extra: Partial<WidgentOptions> = {}) {
  const { kit, widget, requests, fetchToken, onError, client } = await setupClient({
    widget: { ready: true, strict },
    mount: true,
    ...extra,
  })
  /** Answer request `i` with a token for its own user. */
  const answer = async (i: number, ttl = 3600) => {
    await flush()
    requests[i]!.resolve(jwt(requests[i]!.user.id, ttl))
    await flush()
  }
  return { kit, widget, requests, fetchToken, onError, client, answer }
}

// queueMicrotask errors surface as Node's uncaughtException under vitest
declare const process: { once(event: 'uncaughtException', listener: (error: Error) => void): void }

const ada = { id: 'ada', name: 'Ada' }
const grace = { id: 'grace', name: 'Grace' }

afterEach(() => {
  vi.useRealTimers()
  vi.unstubAllGlobals()
})

describe.each([false, true])('on a strict widget: %s', (mode) => {
  beforeEach(() => {
    strict = mode
  })

  describe('identity: auth loading', () => {
    it('makes the fetcher wait while auth is loading, then answers for the settled user', async () => {
      const { widget, client, requests, answer } = await setup()
      expect(widget.registrations).toBe(1) // the widget asked at once, and is waiting
      client.setUser(undefined)
      await flush()
      expect(widget.answers).toEqual([])
      client.setUser(ada)
      await flush()
      expect(requests).toHaveLength(1)
      await answer(0)
      expect(widget.answers.map(subOf)).toEqual(['ada'])
      // the waiting call answered for Ada itself: no second registration was needed
      expect(widget.registrations).toBe(1)
    })

    it('bounds the wait: after authTimeoutMs the widget gets anonymous, and a later sign-in registers again', async () => {
      vi.useFakeTimers()
      const { widget, client, requests, answer } = await setup({ authTimeoutMs: 3000 })
      await vi.advanceTimersByTimeAsync(2999)
      expect(widget.answers).toEqual([])
      await vi.advanceTimersByTimeAsync(1)
      expect(widget.answers).toEqual([''])
      client.setUser(ada)
      await flush()
      expect(widget.registrations).toBe(2)
      await answer(0)
      expect(requests).toHaveLength(1)
      expect(widget.answers.map(subOf)).toEqual(['', 'ada'])
    })

    it('defaults the auth wait to 10 s', async () => {
      vi.useFakeTimers()
      const { widget } = await setup()
      await vi.advanceTimersByTimeAsync(9999)
      expect(widget.answers).toEqual([])
      await vi.advanceTimersByTimeAsync(1)
      expect(widget.answers).toEqual([''])
    })

    it('ignores a loading blip (undefined) once a user has settled', async () => {
      const { widget, client, requests, answer } = await setup()
      client.setUser(ada)
      await answer(0)
      const before = client.getSnapshot()
      client.setUser(undefined)
      client.setUser(ada)
      await flush()
      expect(client.getSnapshot()).toBe(before)
      expect(requests).toHaveLength(1)
      expect(widget.registrations).toBe(1)
    })
  })

  describe('identity: only a change of user id re-fetches', () => {
    it('signs in: one request, identified, with expiresAt from the token', async () => {
      vi.useFakeTimers({ now: 1_700_000_000_000, toFake: ['Date'] })
      const { client, requests, answer, widget } = await setup()
      client.setUser(ada)
      await flush()
      expect(client.getSnapshot()).toMatchObject({ identity: 'fetching', user: ada })
      await answer(0, 600)
      expect(requests).toHaveLength(1)
      expect(client.getSnapshot()).toMatchObject({
        identity: 'identified',
        user: ada,
        expiresAt: 1_700_000_600_000,
        error: null,
      })
      expect(widget.answers.map(subOf)).toEqual(['ada'])
    })

    it('the same user again, as a new object or with a new name, changes nothing', async () => {
      const { client, requests, answer, widget } = await setup()
      client.setUser(ada)
      await answer(0)
      const before = client.getSnapshot()
      client.setUser({ ...ada })
      client.setUser({ id: 'ada', name: 'Countess', metadata: { plan: 'pro' } })
      await flush()
      expect(requests).toHaveLength(1)
      expect(widget.registrations).toBe(1)
      expect(client.getSnapshot()).toBe(before)
    })

    it('refresh() fetches again for the same user, with the newest name, and makes the widget ask again', async () => {
      const { client, requests, answer, widget } = await setup()
      client.setUser(ada)
      await answer(0)
      client.setUser({ id: 'ada', name: 'Countess' })
      const refreshed = client.refresh()
      expect(requests).toHaveLength(2)
      expect(requests[1]!.user.name).toBe('Countess')
      await answer(1)
      await refreshed
      expect(requests).toHaveLength(2)
      expect(widget.registrations).toBe(2)
      expect(widget.answers.map(subOf)).toEqual(['ada', 'ada'])
    })

    it('signs out: the widget asks again and gets anonymous, with no request; the cached token is dropped', async () => {
      const { client, requests, answer, widget } = await setup()
      client.setUser(ada)
      await answer(0)
      client.setUser(null)
      await flush()
      expect(widget.registrations).toBe(2)
      expect(widget.answers.map(subOf)).toEqual(['ada', ''])
      expect(client.getSnapshot()).toMatchObject({ identity: 'anonymous', user: null, expiresAt: null })
      client.setUser(ada)
      await flush()
      expect(requests).toHaveLength(2) // not served from the dropped cache
    })

    it('switches A -> B: the widget asks again and gets B', async () => {
      const { client, requests, answer, widget } = await setup()
      client.setUser(ada)
      await answer(0)
      client.setUser(grace)
      await flush()
      expect(requests.map((r) => r.user.id)).toEqual(['ada', 'grace'])
      await answer(1)
      // anonymous while Grace's token is on its way, then Grace
      expect(widget.answers.map(subOf)).toEqual(['ada', '', 'grace'])
      expect(client.getSnapshot()).toMatchObject({ identity: 'identified', user: grace })
    })

    it('supersedes at once an answer for A that was already resolved when auth switched to B', async () => {
      const { client, requests, widget } = await setup()
      client.setUser(ada)
      await flush()
      // Auth switches in the microtask right after the kit resolved the widget's call with Ada's token,
      // before the widget's own continuation runs: nothing can stop that answer from landing after the switch.
      const fetcher = widget.fetcher!
      widget.fetcher = () => {
        const answer = fetcher()
        void answer.then(() => client.setUser(grace))
        return answer
      }
      void widget.ask()
      requests[0]!.resolve(jwt('ada'))
      await flush()
      expect(client.getSnapshot().user).toEqual(grace)
      expect(widget.answers.map(subOf).slice(-2)).toEqual(['ada', ''])
      expect(requests[1]!.user.id).toBe('grace')
    })

    it('sends resetCommand before re-registering on sign-out and switch, never on first sign-in', async () => {
      const { client, answer, widget } = await setup({ resetCommand: 'shutdown' })
      const names = () => widget.commands.map(([name]) => name)
      client.setUser(ada)
      await answer(0)
      expect(names()).toEqual(['setIdentityTokenFetcher'])
      client.setUser(grace)
      expect(names()).toEqual([
        'setIdentityTokenFetcher',
        'shutdown',
        'setIdentityTokenFetcher',
        'setIdentityTokenFetcher',
      ])
      client.setUser(null)
      expect(names().slice(4)).toEqual(['shutdown', 'setIdentityTokenFetcher'])
    })

    it('sends no resetCommand unless asked to', async () => {
      const { client, answer, widget } = await setup()
      client.setUser(ada)
      await answer(0)
      client.setUser(null)
      expect(widget.commands.map(([name]) => name)).toEqual(['setIdentityTokenFetcher', 'setIdentityTokenFetcher'])
    })
  })

  describe('identity: single flight', () => {
    it('makes one request however many widget calls and refresh() calls come at once', async () => {
      const { client, requests, answer, widget } = await setup()
      client.setUser(ada)
      const calls = [widget.ask(), widget.ask(), widget.ask(), client.refresh(), client.refresh()]
      await flush()
      expect(requests).toHaveLength(1)
      await answer(0)
      await Promise.all(calls)
      expect(requests).toHaveLength(1)
      expect(widget.answers.map(subOf)).toEqual(['ada', 'ada', 'ada', 'ada', 'ada', 'ada'])
    })

    it('serves the cached token in the first half of its remaining life, and never after', async () => {
      vi.useFakeTimers()
      const { client, requests, answer, widget } = await setup()
      client.setUser(ada)
      await answer(0, 100)
      await vi.advanceTimersByTimeAsync(49_000)
      await widget.ask()
      expect(requests).toHaveLength(1)
      await vi.advanceTimersByTimeAsync(1_000)
      void widget.ask()
      await flush()
      expect(requests).toHaveLength(2)
    })

    it('reuses a token of unknown expiry (not a JWT) for tokenMaxAgeMs, then asks again', async () => {
      vi.useFakeTimers()
      const { client, requests, widget } = await setup({ tokenMaxAgeMs: 5000 })
      client.setUser(ada)
      await flush()
      requests[0]!.resolve(opaqueToken('ada'))
      await flush()
      expect(client.getSnapshot()).toMatchObject({ identity: 'identified', expiresAt: null })
      await vi.advanceTimersByTimeAsync(4999)
      await widget.ask()
      expect(requests).toHaveLength(1)
      await vi.advanceTimersByTimeAsync(1)
      void widget.ask()
      await flush()
      expect(requests).toHaveLength(2)
      expect(widget.answers.map(subOf)).toEqual(['ada', 'ada'])
    })

    it('defaults tokenMaxAgeMs to 60 s', async () => {
      vi.useFakeTimers()
      const { client, requests, widget } = await setup()
      client.setUser(ada)
      await flush()
      requests[0]!.resolve(opaqueToken('ada'))
      await vi.advanceTimersByTimeAsync(59_999)
      await widget.ask()
      expect(requests).toHaveLength(1)
      await vi.advanceTimersByTimeAsync(1)
      void widget.ask()
      await flush()
      expect(requests).toHaveLength(2)
    })
  })

  describe('identity: a token never reaches the widget for anyone but the user signed in', () => {
    it('login A, logout while A is in flight, then B, with A answering last: the widget never sees A', async () => {
      const { client, requests, answer, widget } = await setup()
      const seen: string[] = []
      const ask = widget.ask
      client.setUser(ada)
      await flush()
      client.setUser(null)
      await flush()
      client.setUser(grace)
      await flush()
      expect(requests.map((r) => r.user.id)).toEqual(['ada', 'grace'])
      expect(requests[0]!.signal.aborted).toBe(true)
      await answer(1)
      await answer(0) // A's response arrives last
      for (const token of widget.answers) seen.push(subOf(token))
      expect(seen).not.toContain('ada')
      expect(seen.at(-1)).toBe('grace')
      // A's late token was not cached either: asking again serves Grace's
      await expect(ask()).resolves.toSatisfy((token: string) => subOf(token) === 'grace')
    })

    it('a widget call waiting on A when auth switches to B is answered with B, not A and not anonymous', async () => {
      const { client, answer, widget } = await setup()
      client.setUser(ada)
      await flush()
      const pendingCall = widget.ask()
      client.setUser(grace)
      await answer(0) // A's answer: stale
      await answer(1)
      await expect(pendingCall).resolves.toSatisfy((token: string) => subOf(token) === 'grace')
      expect(widget.answers.map(subOf)).not.toContain('ada')
    })

    it('a failure for a user who has left is not reported', async () => {
      const { client, requests, onError } = await setup()
      client.setUser(ada)
      await flush()
      client.setUser(null)
      requests[0]!.reject(new Error('boom'))
      await flush()
      expect(client.getSnapshot()).toMatchObject({ identity: 'anonymous', error: null })
      expect(onError).not.toHaveBeenCalled()
    })

    it('aborts the request of a user who has left', async () => {
      const { client, requests } = await setup()
      client.setUser(ada)
      await flush()
      client.setUser(grace)
      expect(requests[0]!.signal.aborted).toBe(true)
      expect(requests[1]!.signal.aborted).toBe(false)
    })
  })

  describe('identity: errors never reach the widget as throws', () => {
    it('a throwing fetchToken answers anonymous after bounded retries, and lands in state and onError', async () => {
      vi.useFakeTimers()
      const { client, requests, widget, onError } = await setup()
      client.setUser(ada)
      await flush()
      requests[0]!.reject(new Error('backend down'))
      await vi.advanceTimersByTimeAsync(500)
      expect(requests).toHaveLength(2)
      requests[1]!.reject(new Error('backend down'))
      await vi.advanceTimersByTimeAsync(1000)
      expect(requests).toHaveLength(3)
      requests[2]!.reject(new Error('backend down'))
      // No more tries at once: the next is the automatic one, at 5 s give or take a quarter (recovery.test.ts).
      await vi.advanceTimersByTimeAsync(3700)
      expect(requests).toHaveLength(3)
      expect(widget.answers).toEqual([''])
      expect(client.getSnapshot()).toMatchObject({
        identity: 'error',
        error: { code: 'token-fetch' },
        retryAt: expect.any(Number),
      })
      expect(onError).toHaveBeenCalledExactlyOnceWith(expect.objectContaining({ code: 'token-fetch' }))
    })

    it('after a failure, further widget calls answer anonymous with no request, until refresh()', async () => {
      const { kit, client, requests, widget, answer } = await setup()
      client.setUser(ada)
      await flush()
      requests[0]!.reject(new kit.WidgentError('unauthorized', 'signed out', 401))
      await flush()
      await widget.ask()
      await widget.ask()
      expect(requests).toHaveLength(1)
      expect(widget.answers).toEqual(['', '', ''])
      const refreshed = client.refresh()
      expect(requests).toHaveLength(2)
      await answer(1)
      await refreshed
      expect(widget.answers.map(subOf).at(-1)).toBe('ada')
      expect(client.getSnapshot()).toMatchObject({ identity: 'identified', error: null })
    })

    it('does not retry an unauthorized error from a custom fetchToken, status or not', async () => {
      vi.useFakeTimers()
      const { kit, client, requests, widget } = await setup()
      client.setUser(ada)
      await flush()
      requests[0]!.reject(new kit.WidgentError('unauthorized', 'signed out'))
      await vi.advanceTimersByTimeAsync(60_000)
      expect(requests).toHaveLength(1)
      expect(widget.answers).toEqual([''])
      expect(client.getSnapshot().error?.code).toBe('unauthorized')
    })

    it('recovers when a retry succeeds', async () => {
      vi.useFakeTimers()
      const { client, requests, widget } = await setup()
      client.setUser(ada)
      await flush()
      requests[0]!.reject(new Error('blip'))
      await vi.advanceTimersByTimeAsync(500)
      requests[1]!.resolve(jwt('ada'))
      await flush()
      expect(widget.answers.map(subOf)).toEqual(['ada'])
      expect(client.getSnapshot()).toMatchObject({ identity: 'identified', error: null })
    })

    it('times a request out after tokenTimeoutMs and tries again', async () => {
      vi.useFakeTimers()
      const { client, requests } = await setup({ tokenTimeoutMs: 2000 })
      client.setUser(ada)
      await flush()
      await vi.advanceTimersByTimeAsync(1999)
      expect(requests[0]!.signal.aborted).toBe(false)
      await vi.advanceTimersByTimeAsync(1)
      expect(requests[0]!.signal.aborted).toBe(true)
      await vi.advanceTimersByTimeAsync(500)
      expect(requests).toHaveLength(2)
    })

    it('a non-string token is invalid-token, with no retry', async () => {
      const { client, requests, widget } = await setup()
      client.setUser(ada)
      await flush()
      requests[0]!.resolve(42 as never)
      await flush()
      expect(requests).toHaveLength(1)
      expect(widget.answers).toEqual([''])
      expect(client.getSnapshot()).toMatchObject({ identity: 'error', error: { code: 'invalid-token' } })
    })

    it('an already expired token is invalid-token and never handed out', async () => {
      const { client, requests, widget } = await setup()
      client.setUser(ada)
      await flush()
      requests[0]!.resolve(jwt('ada', -10))
      await flush()
      expect(widget.answers).toEqual([''])
      expect(client.getSnapshot().error?.code).toBe('invalid-token')
    })

    it('a throwing onError neither breaks the kit nor disappears', async () => {
      const { client, requests, widget } = await setup({
        onError: () => {
          throw new Error('from onError')
        },
      })
      const reported = new Promise((resolve) => {
        process.once('uncaughtException', resolve)
      })
      client.setUser(ada)
      await flush()
      requests[0]!.resolve('')
      await flush()
      expect(widget.answers).toEqual([''])
      await expect(reported).resolves.toMatchObject({ message: 'from onError' })
    })

    it('a signed-in user with no token source is a config error in state', async () => {
      const kit = await freshKit()
      const widget = installFakeWidget({ strict })
      const client = kit.createWidgent({ productId: uniqueProduct(), serviceKey: 'k', load: 'eager' })
      client.mount()
      client.setUser(ada)
      await flush()
      expect(widget.answers).toEqual([''])
      expect(client.getSnapshot()).toMatchObject({ identity: 'error', error: { code: 'config' } })
    })
  })

  describe('identity: the default fetcher (tokenEndpoint)', () => {
    const endpoint = (...responses: Array<() => Response | Promise<Response>>) => {
      const fetch = vi.fn(async () => (responses.length > 1 ? responses.shift()! : responses[0]!)())
      vi.stubGlobal('fetch', fetch)
      return fetch
    }
    const json =
      (body: unknown, status = 200) =>
      () =>
        new Response(JSON.stringify(body), { status })

    it('GETs the endpoint with credentials and no-store, once per sign-in', async () => {
      const fetch = endpoint(json({ token: jwt('ada') }))
      const { client, widget } = await setup({ fetchToken: undefined, tokenEndpoint: '/api/widgent-token' })
      client.setUser(ada)
      await flush()
      expect(fetch).toHaveBeenCalledExactlyOnceWith(
        '/api/widgent-token',
        expect.objectContaining({ credentials: 'include', cache: 'no-store' }),
      )
      expect(widget.answers.map(subOf)).toEqual(['ada'])
    })

    it.each([401, 403])('%i means signed out on the server: anonymous, unauthorized, no retry', async (status) => {
      vi.useFakeTimers()
      const fetch = endpoint(json({ error: 'signed out' }, status))
      const { client, widget } = await setup({ fetchToken: undefined, tokenEndpoint: '/t' })
      client.setUser(ada)
      await vi.advanceTimersByTimeAsync(60_000)
      expect(fetch).toHaveBeenCalledTimes(1)
      expect(widget.answers).toEqual([''])
      expect(client.getSnapshot()).toMatchObject({ identity: 'error', error: { code: 'unauthorized', status } })
    })

    it('a 500 then a success: retried, identified', async () => {
      vi.useFakeTimers()
      const fetch = endpoint(json({}, 500), json({ token: jwt('ada') }))
      const { client, widget } = await setup({ fetchToken: undefined, tokenEndpoint: '/t' })
      client.setUser(ada)
      await vi.advanceTimersByTimeAsync(500)
      expect(fetch).toHaveBeenCalledTimes(2)
      expect(widget.answers.map(subOf)).toEqual(['ada'])
    })

    it('5xx forever: three requests, then token-fetch until the automatic try', async () => {
      vi.useFakeTimers()
      const fetch = endpoint(json({}, 503))
      const { client, widget } = await setup({ fetchToken: undefined, tokenEndpoint: '/t' })
      client.setUser(ada)
      await vi.advanceTimersByTimeAsync(1500 + 3700)
      expect(fetch).toHaveBeenCalledTimes(3)
      expect(widget.answers).toEqual([''])
      expect(client.getSnapshot()).toMatchObject({ error: { code: 'token-fetch', status: 503 } })
    })

    it('a network error is retried', async () => {
      vi.useFakeTimers()
      const fetch = endpoint(() => Promise.reject(new TypeError('Failed to fetch')), json({ token: jwt('ada') }))
      const { client, widget } = await setup({ fetchToken: undefined, tokenEndpoint: '/t' })
      client.setUser(ada)
      await vi.advanceTimersByTimeAsync(500)
      expect(fetch).toHaveBeenCalledTimes(2)
      expect(widget.answers.map(subOf)).toEqual(['ada'])
    })

    it.each([
      ['an HTML page', () => new Response('<!doctype html><title>Sign in</title>')],
      ['malformed JSON', () => new Response('{"token": ')],
      ['no token', json({ ok: true })],
      ['a non-string token', json({ token: 12 })],
    ])('%s is invalid-token, with no retry', async (_, response) => {
      vi.useFakeTimers()
      const fetch = endpoint(response)
      const { client, widget } = await setup({ fetchToken: undefined, tokenEndpoint: '/t' })
      client.setUser(ada)
      await vi.advanceTimersByTimeAsync(60_000)
      expect(fetch).toHaveBeenCalledTimes(1)
      expect(widget.answers).toEqual([''])
      expect(client.getSnapshot().error?.code).toBe('invalid-token')
    })
  })
})
