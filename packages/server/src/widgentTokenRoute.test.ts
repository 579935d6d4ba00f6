import { afterEach, describe, expect, it, vi } from 'vitest'
import { claimsOf, isJwt, subOf } from '@widgent/test-utils'
import { CREDENTIALS, useEmulator } from '@widgent/test-utils/emulator'
import { messageAs } from './__tests__/helpers'
import { widgentTokenRoute } from './widgentTokenRoute'

const request = (query = '', init?: RequestInit) => new Request(`http://localhost:3000/api/widgent-token${query}`, init)

afterEach(() => void vi.unstubAllEnvs())

describe('widgentTokenRoute (fetch-style: Next.js, Hono, SvelteKit)', () => {
  it("answers the signed-in user's token, which the emulator's message endpoint accepts", async () => {
    const emulator = await useEmulator()
    const GET = widgentTokenRoute({
      ...CREDENTIALS,
      apiUrl: emulator.url,
      getUser: () => ({ id: 'ada-1', name: 'Ada' }),
    })
    const response = await GET(request())
    expect(response.status).toBe(200)
    expect(response.headers.get('cache-control')).toBe('no-store')
    const { token } = await response.json()
    expect(await messageAs(emulator.url, token)).toMatchObject({
      identity: 'ada-1',
      reply: 'Hi Ada! You said: "hello"',
    })
  })

  it('against a strict emulator: answers { token } alone, which its message endpoint accepts', async () => {
    const emulator = await useEmulator({ strict: true })
    const GET = widgentTokenRoute({
      ...CREDENTIALS,
      apiUrl: emulator.url,
      getUser: () => ({ id: 'grace-2', name: 'Grace' }),
    })
    const response = await GET(request('?userId=mallory'))
    expect(response.status).toBe(200)
    const body = await response.json()
    expect(Object.keys(body)).toEqual(['token'])
    expect(isJwt(body.token)).toBe(false)
    expect(subOf(body.token)).toBe('grace-2')
    expect(await messageAs(emulator.url, body.token)).toMatchObject({
      identity: 'grace-2',
      reply: 'Hi Grace! You said: "hello"',
    })
  })

  it('takes the user id from getUser only, whatever the request says', async () => {
    const emulator = await useEmulator()
    const POST = widgentTokenRoute({ ...CREDENTIALS, apiUrl: emulator.url, getUser: async () => ({ id: 'ada-1' }) })
    const response = await POST(
      request('?userId=mallory', {
        method: 'POST',
        headers: { 'X-User-Id': 'mallory', 'Content-Type': 'application/json' },
        body: '{"userId":"mallory"}',
      }),
    )
    expect(claimsOf((await response.json()).token).sub).toBe('ada-1')
    expect(emulator.log().tokens.map((t) => t.userId)).toEqual(['ada-1'])
  })

  it('hands getUser whatever the framework passes after the request (a SvelteKit event, a Hono context)', async () => {
    const emulator = await useEmulator()
    const route = widgentTokenRoute<[event: { locals: { user: { id: string } | null } }]>({
      ...CREDENTIALS,
      apiUrl: emulator.url,
      getUser: (_request, event) => event.locals.user,
    })
    const signedIn = await route(request(), { locals: { user: { id: 'grace-2' } } })
    expect(claimsOf((await signedIn.json()).token).sub).toBe('grace-2')
    expect((await route(request(), { locals: { user: null } })).status).toBe(401)
  })

  it('answers 401 when nobody is signed in', async () => {
    const emulator = await useEmulator()
    const GET = widgentTokenRoute({ ...CREDENTIALS, apiUrl: emulator.url, getUser: () => null })
    const response = await GET(request('?userId=mallory'))
    expect(response.status).toBe(401)
    expect(response.headers.get('cache-control')).toBe('no-store')
    expect(emulator.log().tokens).toEqual([])
  })

  it('answers 502 with no secret when Widgent cannot be reached in time', async () => {
    const emulator = await useEmulator({ faults: true })
    await fetch(`${emulator.url}/__emulator/faults`, { method: 'POST', body: JSON.stringify({ tokenDelayMs: 60_000 }) })
    const onError = vi.fn()
    const GET = widgentTokenRoute({
      ...CREDENTIALS,
      apiUrl: emulator.url,
      timeoutMs: 50,
      onError,
      getUser: () => ({ id: 'ada-1' }),
    })
    const response = await GET(request())
    expect(response.status).toBe(502)
    const text = await response.text()
    expect(JSON.parse(text)).toMatchObject({ code: 'timeout' })
    expect(text).not.toContain(CREDENTIALS.verificationSecret)
    expect(onError).toHaveBeenCalledOnce()
  })

  it('answers 500 when getUser throws', async () => {
    const onError = vi.fn()
    const GET = widgentTokenRoute({
      ...CREDENTIALS,
      onError,
      getUser: () => {
        throw new Error('no session')
      },
    })
    expect((await GET(request())).status).toBe(500)
    expect(onError).toHaveBeenCalledWith(expect.objectContaining({ message: 'no session' }))
  })

  it("in a Next.js app, reads the product id the page has (NEXT_PUBLIC_WIDGENT_PRODUCT_ID) and the server's secret", async () => {
    const emulator = await useEmulator()
    vi.stubEnv('WIDGENT_PRODUCT_ID', '')
    vi.stubEnv('NEXT_PUBLIC_WIDGENT_PRODUCT_ID', CREDENTIALS.productId)
    vi.stubEnv('WIDGENT_VERIFICATION_SECRET', CREDENTIALS.verificationSecret)
    vi.stubEnv('WIDGENT_API_URL', emulator.url)
    const GET = widgentTokenRoute({ getUser: () => ({ id: 'ada-1' }) })
    const response = await GET(request())
    expect(response.status).toBe(200)
    expect(claimsOf((await response.json()).token)).toMatchObject({ sub: 'ada-1', pid: CREDENTIALS.productId })

    const onError = vi.fn()
    vi.stubEnv('WIDGENT_PRODUCT_ID', 'another-product')
    const mismatched = await widgentTokenRoute({ onError, getUser: () => ({ id: 'ada-1' }) })(request())
    expect(mismatched.status).toBe(500)
    expect(await mismatched.json()).toMatchObject({ code: 'invalid-request' })
    expect(String(onError.mock.calls[0]![0])).toMatch(/differ/)
    expect(emulator.log().tokens).toHaveLength(1)
  })
})
