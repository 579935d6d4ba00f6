import { flush, jwt } from '@widgent/test-utils'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { forgetToken, requestToken } from '../requestToken'
import { WidgentError } from '../WidgentError'
import { runningClient } from './clientRecord'

beforeEach(() => {
  vi.useFakeTimers()
})
afterEach(() => {
  vi.useRealTimers()
  delete window.widgent
})

describe('requestToken', () => {
  it("is followed by the state: 'fetching', then 'identified' with the token's expiry", async () => {
    const { client, requests } = runningClient()
    void requestToken(client)
    expect(client._store.getSnapshot().identity).toBe('fetching')
    await flush()
    requests[0]!.resolve(jwt('ada', 600))
    await flush()
    expect(client._store.getSnapshot()).toMatchObject({ identity: 'identified', error: null })
    expect(client._store.getSnapshot().expiresAt).toBeGreaterThan(Date.now())
  })

  it('shares one request between callers, and the fresh token after it', async () => {
    const { client, requests } = runningClient()
    const first = requestToken(client)
    expect(requestToken(client)).toBe(first)
    await flush()
    requests[0]!.resolve(jwt('ada'))
    await flush()
    expect(requestToken(client)).toBe(first)
    expect(requests).toHaveLength(1)
  })

  it('an automatic try leaves the state as it is until it ends, and its failure is not heard again by onError', async () => {
    const onError = vi.fn()
    const { client, requests } = runningClient({}, { onError })
    client._store.set({ identity: 'error' })
    void requestToken(client, 1)
    expect(client._store.getSnapshot().identity).toBe('error')
    await flush()
    requests[0]!.resolve('')
    await flush()
    expect(client._store.getSnapshot()).toMatchObject({ identity: 'error', error: { code: 'invalid-token' } })
    expect(onError).not.toHaveBeenCalled()
  })

  it("a request's failure stands in the state, with when it is tried again, and onError hears it", async () => {
    const onError = vi.fn()
    const { client, requests } = runningClient({}, { onError })
    void requestToken(client).catch(() => {})
    await flush()
    requests[0]!.reject(Object.assign(new Error('down'), { status: 503 }))
    await vi.advanceTimersByTimeAsync(500)
    requests[1]!.reject(new Error('down'))
    await vi.advanceTimersByTimeAsync(1000)
    requests[2]!.reject(new Error('down'))
    await flush()
    expect(client._store.getSnapshot()).toMatchObject({ identity: 'error', error: { code: 'token-fetch' } })
    expect(client._store.getSnapshot().retryAt).toBeGreaterThan(Date.now())
    expect(onError).toHaveBeenCalledWith(expect.objectContaining({ code: 'token-fetch' }))
  })

  it("after another tab's word, a 401 is that sign-out: anonymous, not an error", async () => {
    const { client } = runningClient({ _hinted: true }, { fetchToken: async () => Promise.reject(unauthorized()) })
    void requestToken(client).catch(() => {})
    await flush()
    expect(client._store.getSnapshot()).toMatchObject({ identity: 'anonymous', error: null })
  })

  it('the outcome of a request the client no longer follows changes nothing', async () => {
    const { client, requests } = runningClient()
    void requestToken(client).catch(() => {})
    await flush()
    forgetToken(client)
    client._store.set({ identity: 'signed-in' })
    requests[0]!.resolve(jwt('ada'))
    await flush()
    expect(client._store.getSnapshot().identity).toBe('signed-in')
  })

  it('a token owed to a ready widget registers the fetcher again, so the widget asks', async () => {
    const widgent = vi.fn()
    window.widgent = Object.assign(widgent, { init: vi.fn() })
    const { client, requests } = runningClient({ _ready: true, _owed: true })
    void requestToken(client)
    await flush()
    requests[0]!.resolve(jwt('ada'))
    await flush()
    expect(widgent).toHaveBeenCalledWith('setIdentityTokenFetcher', client._fetcher)
    expect(client._owed).toBe(false)
  })
})

/** A token route's 401, as `fetchFromEndpoint` throws it. */
const unauthorized = () => new WidgentError('unauthorized', '401', 401)
