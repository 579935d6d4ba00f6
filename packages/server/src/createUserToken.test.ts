import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterEach, describe, expect, it, onTestFinished, vi } from 'vitest'
import { createUserToken } from './createUserToken'
import { claimsOf, isJwt } from '@widgent/test-utils'
import { CREDENTIALS, useEmulator } from '@widgent/test-utils/emulator'
import { everyRendering, messageAs, recordingFetch } from './__tests__/helpers'
import { WidgentApiError } from './WidgentApiError'

const SECRET = CREDENTIALS.verificationSecret

/** A loopback server answering every request with `status` and `body`. */
async function fakeApi(status: number, body: string) {
  const server = createServer((_, res) => res.writeHead(status, { 'Content-Type': 'application/json' }).end(body))
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  onTestFinished(() => new Promise<void>((resolve) => server.close(() => resolve())))
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`
}

const failure = (promise: Promise<unknown>) =>
  promise.then(
    () => expect.unreachable('createUserToken should have thrown'),
    (error: unknown) => {
      expect(error).toBeInstanceOf(WidgentApiError)
      return error as WidgentApiError
    },
  )

afterEach(() => void vi.unstubAllEnvs())

describe('createUserToken', () => {
  it('gets a token from the emulator that its message endpoint accepts', async () => {
    const emulator = await useEmulator()
    const result = await createUserToken(
      { ...CREDENTIALS, userId: 'ada-1', name: 'Ada', metadata: { plan: 'pro' } },
      { apiUrl: emulator.url },
    )
    expect(result.expiresAt).toBe((claimsOf(result.token).exp as number) * 1000)
    expect(claimsOf(result.token)).toMatchObject({ sub: 'ada-1', name: 'Ada', metadata: { plan: 'pro' } })
    expect(await messageAs(emulator.url, result.token)).toMatchObject({
      identity: 'ada-1',
      reply: 'Hi Ada! You said: "hello"',
    })
  })

  it('works unchanged against a strict emulator: a token that is not a JWT, and no expiresAt', async () => {
    const emulator = await useEmulator({ strict: true })
    const result = await createUserToken(
      { ...CREDENTIALS, userId: 'ada-1', name: 'Ada', metadata: { plan: 'pro' } },
      { apiUrl: emulator.url },
    )
    expect(result).toEqual({ token: expect.any(String) })
    expect(isJwt(result.token)).toBe(false)
    expect(claimsOf(result.token)).toMatchObject({ sub: 'ada-1', name: 'Ada', metadata: { plan: 'pro' } })
    expect(await messageAs(emulator.url, result.token)).toMatchObject({
      identity: 'ada-1',
      reply: 'Hi Ada! You said: "hello"',
    })
  })

  it('reads WIDGENT_PRODUCT_ID, WIDGENT_VERIFICATION_SECRET and WIDGENT_API_URL by default', async () => {
    const emulator = await useEmulator()
    vi.stubEnv('WIDGENT_PRODUCT_ID', CREDENTIALS.productId)
    vi.stubEnv('WIDGENT_VERIFICATION_SECRET', SECRET)
    vi.stubEnv('WIDGENT_API_URL', `${emulator.url}/`)
    const { token } = await createUserToken({ userId: 'ada-1' })
    expect(claimsOf(token).sub).toBe('ada-1')
  })

  it("falls back to the page's NEXT_PUBLIC_WIDGENT_PRODUCT_ID, so a Next.js app writes the product id once", async () => {
    const emulator = await useEmulator()
    vi.stubEnv('WIDGENT_PRODUCT_ID', '')
    vi.stubEnv('NEXT_PUBLIC_WIDGENT_PRODUCT_ID', CREDENTIALS.productId)
    vi.stubEnv('WIDGENT_VERIFICATION_SECRET', SECRET)
    const { token } = await createUserToken({ userId: 'ada-1' }, { apiUrl: emulator.url })
    expect(claimsOf(token)).toMatchObject({ sub: 'ada-1', pid: 'demo-product' })
    // The same id under both names is fine.
    vi.stubEnv('WIDGENT_PRODUCT_ID', CREDENTIALS.productId)
    expect(claimsOf((await createUserToken({ userId: 'ada-1' }, { apiUrl: emulator.url })).token).pid).toBe(
      'demo-product',
    )
  })

  it('refuses, before sending, a WIDGENT_PRODUCT_ID that differs from NEXT_PUBLIC_WIDGENT_PRODUCT_ID', async () => {
    vi.stubEnv('WIDGENT_PRODUCT_ID', 'server-product')
    vi.stubEnv('NEXT_PUBLIC_WIDGENT_PRODUCT_ID', 'page-product')
    vi.stubEnv('WIDGENT_VERIFICATION_SECRET', SECRET)
    const recorded = recordingFetch()
    const error = await failure(createUserToken({ userId: 'ada-1' }, { fetch: recorded }))
    expect(error).toMatchObject({ code: 'invalid-request', field: 'productId', status: undefined })
    expect(error.message).toMatch(
      /WIDGENT_PRODUCT_ID \(server-product\) and NEXT_PUBLIC_WIDGENT_PRODUCT_ID \(page-product\) differ/,
    )
    expect(recorded.calls).toEqual([])
    // An explicit productId settles it: the environment is not read.
    await createUserToken({ productId: 'demo-product', userId: 'ada-1' }, { apiUrl: (await useEmulator()).url })
  })

  it('prefers explicit input and options over the environment', async () => {
    const emulator = await useEmulator()
    vi.stubEnv('WIDGENT_PRODUCT_ID', 'from-env')
    vi.stubEnv('WIDGENT_API_URL', 'http://127.0.0.1:1')
    const { token } = await createUserToken({ ...CREDENTIALS, userId: 'ada-1' }, { apiUrl: emulator.url })
    expect(claimsOf(token).pid).toBe('demo-product')
  })

  it('uses the fetch it is given, and sends only the documented fields', async () => {
    const emulator = await useEmulator()
    const recorded = recordingFetch()
    await createUserToken({ ...CREDENTIALS, userId: 'ada-1', extra: 'dropped' } as never, {
      apiUrl: emulator.url,
      fetch: recorded,
    })
    expect(recorded.calls).toEqual([
      { url: `${emulator.url}/v1/auth/user-token`, body: JSON.stringify({ ...CREDENTIALS, userId: 'ada-1' }) },
    ])
  })

  it('says which environment variable to set when productId or the secret is missing, before sending', async () => {
    vi.stubEnv('WIDGENT_PRODUCT_ID', '')
    vi.stubEnv('NEXT_PUBLIC_WIDGENT_PRODUCT_ID', '')
    vi.stubEnv('WIDGENT_VERIFICATION_SECRET', '')
    const recorded = recordingFetch()
    const noProduct = await failure(createUserToken({ userId: 'ada-1' }, { fetch: recorded }))
    expect(noProduct).toMatchObject({ code: 'invalid-request', field: 'productId', status: undefined })
    expect(noProduct.message).toMatch(/set WIDGENT_PRODUCT_ID \(or NEXT_PUBLIC_WIDGENT_PRODUCT_ID\)/)
    const noSecret = await failure(createUserToken({ productId: 'demo-product', userId: 'ada-1' }, { fetch: recorded }))
    expect(noSecret.message).toMatch(/set WIDGENT_VERIFICATION_SECRET/)
    expect(recorded.calls).toEqual([])
  })

  it.each([
    ['a wrong secret', { verificationSecret: 'wrong-secret' }, 401, 'unauthorized', 'verificationSecret'],
    ['an unknown product', { productId: 'nope' }, 404, 'not-found', 'productId'],
  ])('throws a WidgentApiError for %s', async (_, change, status, code, field) => {
    const emulator = await useEmulator()
    const error = await failure(
      createUserToken({ ...CREDENTIALS, userId: 'ada-1', ...change }, { apiUrl: emulator.url }),
    )
    expect(error).toMatchObject({ status, code, field, name: 'WidgentApiError' })
    expect(error.message).toMatch(new RegExp(`\\(${status}\\)`))
  })

  it.each([
    [500, 'upstream'],
    [503, 'upstream'],
    [429, 'rate-limited'],
    [403, 'unauthorized'],
  ])('maps an answer of %i to code %s', async (status, code) => {
    const emulator = await useEmulator({ faults: true })
    await fetch(`${emulator.url}/__emulator/faults`, { method: 'POST', body: JSON.stringify({ tokenStatus: status }) })
    expect(await failure(createUserToken({ ...CREDENTIALS, userId: 'ada-1' }, { apiUrl: emulator.url }))).toMatchObject(
      { status, code },
    )
  })

  it('times out after timeoutMs', async () => {
    const emulator = await useEmulator({ faults: true })
    await fetch(`${emulator.url}/__emulator/faults`, { method: 'POST', body: JSON.stringify({ tokenDelayMs: 60_000 }) })
    const started = performance.now()
    const error = await failure(
      createUserToken({ ...CREDENTIALS, userId: 'ada-1' }, { apiUrl: emulator.url, timeoutMs: 100 }),
    )
    expect(error).toMatchObject({ code: 'timeout', status: undefined })
    expect(error.message).toMatch(/within 100 ms/)
    expect(performance.now() - started).toBeLessThan(5000)
  })

  it('reports a network failure with its reason', async () => {
    const closed = createServer()
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve))
    const { port } = closed.address() as AddressInfo
    await new Promise((resolve) => closed.close(resolve))
    const error = await failure(
      createUserToken({ ...CREDENTIALS, userId: 'ada-1' }, { apiUrl: `http://127.0.0.1:${port}` }),
    )
    expect(error).toMatchObject({ code: 'network', status: undefined })
    expect(error.message).toMatch(/ECONNREFUSED/)
  })

  it.each([
    ['HTML', '<html>login</html>'],
    ['JSON with no token', '{}'],
    ['a token that is not a string', '{"token": 42}'],
  ])('refuses a 200 answer of %s', async (_, body) => {
    const apiUrl = await fakeApi(200, body)
    expect(await failure(createUserToken({ ...CREDENTIALS, userId: 'ada-1' }, { apiUrl }))).toMatchObject({
      code: 'invalid-response',
      status: 200,
    })
  })

  it('leaves expiresAt out when the answer has none', async () => {
    const apiUrl = await fakeApi(200, '{"token":"opaque"}')
    expect(await createUserToken({ ...CREDENTIALS, userId: 'ada-1' }, { apiUrl })).toEqual({ token: 'opaque' })
  })

  it('keeps a path prefix in apiUrl', async () => {
    const recorded = recordingFetch()
    const apiUrl = await fakeApi(200, '{"token":"t"}')
    await createUserToken({ ...CREDENTIALS, userId: 'ada-1' }, { apiUrl: `${apiUrl}/widgent/`, fetch: recorded })
    expect(recorded.calls[0]!.url).toBe(`${apiUrl}/widgent/v1/auth/user-token`)
  })
})

type LeakSetup = () => Promise<{ userId: string; apiUrl: string; fetch?: typeof fetch }>

describe('the verification secret never leaves in an error', () => {
  const secret = 'sk_live_do-not-leak-9f8e7d'

  it.each<[string, LeakSetup]>([
    ['a validation failure of another field', async () => ({ userId: 42 as never, apiUrl: 'http://127.0.0.1:9' })],
    ['a 401 answer', async () => ({ userId: 'ada-1', apiUrl: (await useEmulator()).url })],
    [
      'an upstream that echoes the secret back',
      async () => ({
        userId: 'ada-1',
        apiUrl: await fakeApi(400, JSON.stringify({ error: `bad secret ${secret}`, field: 'verificationSecret' })),
      }),
    ],
    [
      'an upstream 500 with the secret in a non-JSON body',
      async () => ({ userId: 'ada-1', apiUrl: await fakeApi(500, `crash: ${secret}`) }),
    ],
    ['a network failure', async () => ({ userId: 'ada-1', apiUrl: 'http://127.0.0.1:9' })],
    [
      'a custom fetch whose error quotes the request',
      async () => ({
        userId: 'ada-1',
        apiUrl: 'http://127.0.0.1:9',
        fetch: (async (_: unknown, init?: RequestInit) => {
          throw new TypeError(`refused ${String(init?.body)}`)
        }) as typeof fetch,
      }),
    ],
  ])('%s', async (_, setup) => {
    const { userId, apiUrl, fetch } = await setup()
    const error = await failure(
      createUserToken({ productId: 'demo-product', verificationSecret: secret, userId }, { apiUrl, fetch }),
    )
    expect(error.message).toMatch(/\S/)
    expect(everyRendering(error)).not.toContain(secret)
  })

  it('nor in a timeout', async () => {
    const emulator = await useEmulator({ faults: true })
    await fetch(`${emulator.url}/__emulator/faults`, { method: 'POST', body: JSON.stringify({ tokenDelayMs: 60_000 }) })
    const error = await failure(
      createUserToken(
        { productId: 'demo-product', verificationSecret: secret, userId: 'ada-1' },
        { apiUrl: emulator.url, timeoutMs: 50 },
      ),
    )
    expect(everyRendering(error)).not.toContain(secret)
  })
})
