import { afterEach, describe, expect, it, vi } from 'vitest'
import { fetchFromEndpoint } from '../fetchFromEndpoint'

const respond = (body: string, status = 200) => vi.fn(async () => new Response(body, { status }))
const signal = new AbortController().signal

afterEach(() => vi.unstubAllGlobals())

describe('fetchFromEndpoint', () => {
  it('GETs the URL with credentials, bypassing the HTTP cache, and returns body.token', async () => {
    const fetch = respond('{"token":"t"}')
    vi.stubGlobal('fetch', fetch)
    await expect(fetchFromEndpoint('/api/widgent-token', signal)).resolves.toBe('t')
    expect(fetch).toHaveBeenCalledWith('/api/widgent-token', expect.objectContaining({ credentials: 'include', cache: 'no-store', signal }))
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
    vi.stubGlobal('fetch', vi.fn(async () => Promise.reject(new TypeError('Failed to fetch'))))
    await expect(fetchFromEndpoint('/t', signal)).rejects.toBeInstanceOf(TypeError)
  })
})
