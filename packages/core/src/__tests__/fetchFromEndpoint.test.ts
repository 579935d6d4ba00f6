import { afterEach, describe, expect, it, vi } from 'vitest'
import { claimsOf, jwt } from '@widgent/test-utils'
import { fetchFromEndpoint } from '../fetchFromEndpoint'

const respond = (body: string, status = 200) => vi.fn(async () => new Response(body, { status }))
const signal = new AbortController().signal

afterEach(() => {
  vi.useRealTimers()
  vi.unstubAllGlobals()
})

describe('fetchFromEndpoint', () => {
  it('GETs the URL with credentials, bypassing the HTTP cache, and returns body.token', async () => {
    const fetch = respond('{"token":"t"}')
    vi.stubGlobal('fetch', fetch)
    await expect(fetchFromEndpoint('/api/widgent-token', signal)).resolves.toEqual({ token: 't', expiresAt: null })
    expect(fetch).toHaveBeenCalledWith(
      '/api/widgent-token',
      expect.objectContaining({ credentials: 'include', cache: 'no-store', signal }),
    )
  })

  it("reads the expiry of a token that is not a JWT from the route's expiresAt (as @widgent/server passes it on)", async () => {
    const expiresAt = Date.now() + 60_000
    vi.stubGlobal('fetch', respond(JSON.stringify({ token: 'opaque', expiresAt })))
    await expect(fetchFromEndpoint('/t', signal)).resolves.toEqual({ token: 'opaque', expiresAt })
  })

  it("a JWT's own exp wins over the route's expiresAt, and a past expiresAt is invalid-token", async () => {
    vi.useFakeTimers({ now: 1_700_000_000_000 }) // a whole second: the JWT's iat is now exactly
    const token = jwt('ada', 600)
    vi.stubGlobal('fetch', respond(JSON.stringify({ token, expiresAt: Date.now() + 5000 })))
    await expect(fetchFromEndpoint('/t', signal)).resolves.toEqual({
      token,
      expiresAt: (claimsOf(token).exp as number) * 1000,
    })
    vi.stubGlobal('fetch', respond(JSON.stringify({ token: 'opaque', expiresAt: Date.now() - 1 })))
    await expect(fetchFromEndpoint('/t', signal)).rejects.toMatchObject({ code: 'invalid-token' })
  })

  it.each([401, 403])('turns %i into unauthorized', async (status) => {
    vi.stubGlobal('fetch', respond('', status))
    await expect(fetchFromEndpoint('/t', signal)).rejects.toMatchObject({ code: 'unauthorized', status })
  })

  it.each([500, 502, 404])('turns %i into token-fetch with the status', async (status) => {
    vi.stubGlobal('fetch', respond('oops', status))
    await expect(fetchFromEndpoint('/t', signal)).rejects.toMatchObject({ code: 'token-fetch', status })
  })

  it.each([
    ['HTML', '<!doctype html><p>login</p>'],
    ['malformed JSON', '{"token":'],
    ['JSON null', 'null'],
  ])('turns %s into invalid-token', async (_, body) => {
    vi.stubGlobal('fetch', respond(body))
    await expect(fetchFromEndpoint('/t', signal)).rejects.toMatchObject({ code: 'invalid-token' })
  })

  it('lets a network error through for the caller to retry', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => Promise.reject(new TypeError('Failed to fetch'))),
    )
    await expect(fetchFromEndpoint('/t', signal)).rejects.toBeInstanceOf(TypeError)
  })
})
