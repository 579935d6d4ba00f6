import { createHmac } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { DEMO_PRODUCT } from './DEMO_PRODUCT'
import { claimsOf, expiresAtOf, isJwt, subOf } from '@widgent/test-utils'
import { EMULATOR_MODES, postJson, useEmulator } from '@widgent/test-utils/emulator'
import { INVALID_TOKEN_REQUESTS, TOKEN_REQUEST_AT_LIMITS } from '@widgent/test-utils/tokenRequestCases'

const valid = {
  productId: DEMO_PRODUCT.productId,
  verificationSecret: DEMO_PRODUCT.verificationSecret,
  userId: 'ada-1',
}

describe('POST /v1/auth/user-token', () => {
  it.each(INVALID_TOKEN_REQUESTS)('%s: 400 naming the field', async (_, changes, field) => {
    const emulator = await useEmulator()
    const response = await postJson(`${emulator.url}/v1/auth/user-token`, { ...valid, ...changes })
    expect(response.status).toBe(400)
    const body = await response.json()
    expect(body.field).toBe(field)
    expect(body.error).toMatch(/\S/)
    expect(emulator.log().tokens).toEqual([])
    expect(emulator.log().rejected).toMatchObject([{ path: '/v1/auth/user-token', status: 400 }])
  })

  it('accepts every value at its limit', async () => {
    const emulator = await useEmulator()
    const body = { ...valid, ...TOKEN_REQUEST_AT_LIMITS }
    const response = await postJson(`${emulator.url}/v1/auth/user-token`, body)
    expect(response.status).toBe(200)
    expect(claimsOf((await response.json()).token)).toMatchObject({
      sub: body.userId,
      name: body.name,
      metadata: body.metadata,
    })
  })

  it('treats a null name or metadata as left out (what the Python example on the vendor page sends for a user without one)', async () => {
    const emulator = await useEmulator()
    const response = await postJson(`${emulator.url}/v1/auth/user-token`, { ...valid, name: null, metadata: null })
    expect(response.status).toBe(200)
    const claims = claimsOf((await response.json()).token)
    expect(claims).not.toHaveProperty('name')
    expect(claims).not.toHaveProperty('metadata')
  })

  it('answers 400 to malformed JSON and to a body that is not an object', async () => {
    const emulator = await useEmulator()
    const send = (body: string) =>
      fetch(`${emulator.url}/v1/auth/user-token`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body,
      })
    const malformed = await send('{"productId": ')
    expect(malformed.status).toBe(400)
    expect((await malformed.json()).error).toMatch(/not valid JSON/)
    expect((await send('["demo-product"]')).status).toBe(400)
    expect((await send('null')).status).toBe(400)
  })

  it('answers 413 to a body over 16 KiB', async () => {
    const emulator = await useEmulator()
    const response = await postJson(`${emulator.url}/v1/auth/user-token`, { ...valid, padding: 'x'.repeat(16 * 1024) })
    expect(response.status).toBe(413)
    expect((await response.json()).error).toMatch(/16384 bytes/)
  })

  it('answers 413 to an oversized body sent without a Content-Length (chunked)', async () => {
    const emulator = await useEmulator()
    const chunks = new ReadableStream({
      start(controller) {
        for (let i = 0; i < 20; i++) controller.enqueue(new TextEncoder().encode('x'.repeat(1024)))
        controller.close()
      },
    })
    const response = await fetch(`${emulator.url}/v1/auth/user-token`, {
      method: 'POST',
      body: chunks,
      duplex: 'half',
    } as RequestInit)
    expect(response.status).toBe(413)
  })

  it('answers 404 naming productId to an unknown product', async () => {
    const emulator = await useEmulator()
    const response = await postJson(`${emulator.url}/v1/auth/user-token`, { ...valid, productId: 'nope' })
    expect(response.status).toBe(404)
    expect(await response.json()).toMatchObject({ field: 'productId' })
  })

  it('answers 401 to a wrong verification secret, without echoing it', async () => {
    const emulator = await useEmulator()
    const response = await postJson(`${emulator.url}/v1/auth/user-token`, {
      ...valid,
      verificationSecret: 'guessed-secret',
    })
    expect(response.status).toBe(401)
    const text = await response.text()
    expect(JSON.parse(text)).toMatchObject({ field: 'verificationSecret' })
    expect(text).not.toContain('guessed-secret')
    expect(text).not.toContain(DEMO_PRODUCT.verificationSecret)
  })

  it('mints an HS256 JWT with the user, the product and the expiry, and logs it', async () => {
    const emulator = await useEmulator({ tokenTtlSeconds: 60 })
    const before = Date.now()
    const response = await postJson(`${emulator.url}/v1/auth/user-token`, {
      ...valid,
      name: 'Ada',
      metadata: { plan: 'pro', seats: 3, admin: false },
    })
    expect(response.status).toBe(200)
    expect(response.headers.get('cache-control')).toBe('no-store')
    const { token, expiresAt } = await response.json()
    const claims = claimsOf(token)
    expect(JSON.parse(Buffer.from(token.split('.')[0], 'base64url').toString())).toEqual({ alg: 'HS256', typ: 'JWT' })
    expect(claims).toMatchObject({
      iss: 'widgent-emulator',
      sub: 'ada-1',
      name: 'Ada',
      pid: 'demo-product',
      metadata: { plan: 'pro', seats: 3, admin: false },
    })
    expect(expiresAt).toBe((claims.exp as number) * 1000)
    // At least the TTL, at most a second more (exp is whole seconds, rounded up).
    expect(expiresAt).toBeGreaterThanOrEqual(before + 60_000)
    expect(expiresAt).toBeLessThanOrEqual(Date.now() + 61_000)
    expect(emulator.log().tokens).toEqual([
      {
        userId: 'ada-1',
        name: 'Ada',
        metadata: { plan: 'pro', seats: 3, admin: false },
        productId: 'demo-product',
        iat: claims.iat,
        exp: claims.exp,
        at: expect.any(Number),
      },
    ])
  })

  it('strict: mints a token that is not a JWT, answered as { token } alone, as the vendor page documents', async () => {
    const emulator = await useEmulator({ tokenTtlSeconds: 60, strict: true })
    const before = Date.now()
    const response = await postJson(`${emulator.url}/v1/auth/user-token`, {
      ...valid,
      name: 'Ada',
      metadata: { plan: 'pro' },
    })
    expect(response.status).toBe(200)
    expect(response.headers.get('cache-control')).toBe('no-store')
    const body = await response.json()
    expect(Object.keys(body)).toEqual(['token'])
    const [head, , signature, ...more] = (body.token as string).split('.')
    expect([head, more]).toEqual(['wgt1', []])
    expect(signature).toMatch(/^[\w-]{43}$/)
    // No JWT decoder gets past its first part, and its payload holds no claim one would take for an expiry.
    expect(isJwt(body.token)).toBe(false)
    expect(() => JSON.parse(Buffer.from(head!, 'base64url').toString())).toThrow()
    const claims = claimsOf(body.token)
    expect(claims).toEqual({
      sub: 'ada-1',
      name: 'Ada',
      metadata: { plan: 'pro' },
      pid: 'demo-product',
      issuedAt: expect.any(Number),
      expiresAt: expect.any(Number),
    })
    expect(claims.expiresAt).toBeGreaterThanOrEqual(before + 60_000)
    expect(claims.expiresAt).toBeLessThanOrEqual(Date.now() + 61_000)
    const [logged] = emulator.log().tokens
    expect(logged).toMatchObject({
      userId: 'ada-1',
      name: 'Ada',
      productId: 'demo-product',
      exp: (claims.expiresAt as number) / 1000,
    })
    expect(subOf(body.token)).toBe('ada-1')
    expect(expiresAtOf(body.token)).toBe(claims.expiresAt)
  })

  it.each(EMULATOR_MODES)('signs with a key of its own, not the verification secret ($mode)', async ({ strict }) => {
    const emulator = await useEmulator({ strict })
    const response = await postJson(`${emulator.url}/v1/auth/user-token`, valid)
    const [header, payload, signature] = ((await response.json()).token as string).split('.')
    const withSecret = createHmac('sha256', DEMO_PRODUCT.verificationSecret)
      .update(`${header}.${payload}`)
      .digest('base64url')
    expect(signature).not.toBe(withSecret)
  })

  it('sends no CORS allowance to browsers, on the request or its preflight', async () => {
    const emulator = await useEmulator()
    const origin = 'http://localhost:5173'
    const post = await postJson(`${emulator.url}/v1/auth/user-token`, valid, { Origin: origin })
    expect(post.status).toBe(200)
    expect(post.headers.get('access-control-allow-origin')).toBeNull()
    const preflight = await fetch(`${emulator.url}/v1/auth/user-token`, {
      method: 'OPTIONS',
      headers: {
        Origin: origin,
        'Access-Control-Request-Method': 'POST',
        'Access-Control-Request-Headers': 'content-type',
      },
    })
    expect(preflight.status).toBe(405)
    expect([...preflight.headers.keys()].filter((name) => name.startsWith('access-control-'))).toEqual([])
  })

  it('answers unknown paths and methods with 404 and 405', async () => {
    const emulator = await useEmulator()
    expect((await fetch(`${emulator.url}/v1/nothing`)).status).toBe(404)
    const wrongMethod = await fetch(`${emulator.url}/v1/auth/user-token`)
    expect(wrongMethod.status).toBe(405)
    expect(wrongMethod.headers.get('allow')).toBe('POST')
  })
})
