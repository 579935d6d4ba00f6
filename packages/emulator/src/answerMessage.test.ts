import { createHmac } from 'node:crypto'
import { describe, expect, it, vi } from 'vitest'
import { DEMO_PRODUCT } from './DEMO_PRODUCT'
import { EMULATOR_MODES, mintToken, sendMessage, useEmulator } from '@widgent/test-utils/emulator'

const OTHER_PRODUCT = {
  productId: 'other-product',
  serviceKey: 'other-key',
  verificationSecret: 'other-secret',
  origins: ['https://other.example'],
}
const reforge = (token: string, change: (claims: Record<string, unknown>) => void, key = 'not-the-emulator-key') => {
  const [header, payload] = token.split('.') as [string, string]
  const claims = JSON.parse(Buffer.from(payload, 'base64url').toString())
  change(claims)
  const body = `${header}.${Buffer.from(JSON.stringify(claims)).toString('base64url')}`
  return `${body}.${createHmac('sha256', key).update(body).digest('base64url')}`
}

// Both formats, the JWT and the strict token, are verified the same way: signature, product, expiry.
describe.each(EMULATOR_MODES)('POST /v1/messages ($mode)', ({ strict }) => {
  it('verifies a valid token and answers the user by name', async () => {
    const emulator = await useEmulator({ strict })
    const { token } = await mintToken(emulator.url)
    const response = await sendMessage(emulator.url, { token, text: 'hello there' })
    expect(response.status).toBe(200)
    expect(await response.json()).toEqual({
      reply: 'Hi Ada! You said: "hello there"',
      identity: 'ada-1',
      expired: false,
    })
    expect(emulator.log().messages).toEqual([
      {
        productId: 'demo-product',
        identity: 'ada-1',
        text: 'hello there',
        origin: 'http://localhost:5173',
        expired: false,
        at: expect.any(Number),
      },
    ])
  })

  it('addresses a user with no name by id', async () => {
    const emulator = await useEmulator({ strict })
    const { token } = await mintToken(emulator.url, { name: undefined, userId: 'grace-2' })
    expect((await (await sendMessage(emulator.url, { token })).json()).reply).toMatch(/^Hi grace-2!/)
  })

  it('answers a message with no token anonymously', async () => {
    const emulator = await useEmulator({ strict })
    const body = await (await sendMessage(emulator.url)).json()
    expect(body).toMatchObject({ identity: 'anonymous', expired: false })
    expect(body.reply).toMatch(/anonymously/)
  })

  it('verifies the signature on every request: the same token twice, then a tampered copy', async () => {
    const emulator = await useEmulator({ strict })
    const { token } = await mintToken(emulator.url)
    expect((await sendMessage(emulator.url, { token })).status).toBe(200)
    expect((await sendMessage(emulator.url, { token })).status).toBe(200)
    // Same signature, payload changed to another user: the signature no longer matches.
    const [header, , signature] = token.split('.')
    const payload = Buffer.from(JSON.stringify({ sub: 'mallory', pid: 'demo-product', exp: 9999999999 })).toString(
      'base64url',
    )
    const tampered = await sendMessage(emulator.url, { token: `${header}.${payload}.${signature}` })
    expect(tampered.status).toBe(401)
    expect((await tampered.json()).error).toMatch(/signature/)
  })

  it.each([
    ['signed with another key', (token: string) => reforge(token, () => {})],
    [
      'signed with the verification secret (signing by hand)',
      (token: string) => reforge(token, () => {}, DEMO_PRODUCT.verificationSecret),
    ],
    ['from another emulator', async () => (await mintToken((await useEmulator({ strict })).url)).token],
    ['with its signature stretched by a stray character', (token: string) => `${token}A`],
    ['that is not dotted', () => 'not-a-token'],
    ['two parts only', (token: string) => token.split('.').slice(0, 2).join('.')],
  ])('refuses a token %s with 401', async (_, forge) => {
    const emulator = await useEmulator({ strict })
    const { token } = await mintToken(emulator.url)
    const response = await sendMessage(emulator.url, { token: await forge(token) })
    expect(response.status).toBe(401)
    expect(response.headers.get('access-control-allow-origin')).toBe('http://localhost:5173')
    expect(emulator.log().messages).toEqual([])
    expect(emulator.log().rejected).toMatchObject([{ path: '/v1/messages', status: 401 }])
  })

  it('refuses a non-Bearer Authorization header with 401', async () => {
    const emulator = await useEmulator({ strict })
    const response = await fetch(`${emulator.url}/v1/messages`, {
      method: 'POST',
      headers: { Authorization: 'Basic YWRhOnB3', 'Content-Type': 'application/json' },
      body: JSON.stringify({ productId: 'demo-product', text: 'hi' }),
    })
    expect(response.status).toBe(401)
  })

  it('refuses a token minted for another product with 401', async () => {
    const emulator = await useEmulator({
      products: [DEMO_PRODUCT, { ...OTHER_PRODUCT, origins: ['http://localhost:*'] }],
      strict,
    })
    const { token } = await mintToken(emulator.url, { productId: 'other-product', verificationSecret: 'other-secret' })
    const response = await sendMessage(emulator.url, { token, productId: 'demo-product' })
    expect(response.status).toBe(401)
    expect((await response.json()).error).toMatch(/minted for product "other-product"/)
    expect((await sendMessage(emulator.url, { token, productId: 'other-product' })).status).toBe(200)
  })

  it('turns an expired token into an anonymous session (a real 1 s token)', async () => {
    const emulator = await useEmulator({ tokenTtlSeconds: 1, strict })
    const { token, expiresAt } = await mintToken(emulator.url)
    expect((await (await sendMessage(emulator.url, { token })).json()).identity).toBe('ada-1')
    await vi.waitUntil(() => Date.now() > expiresAt, { timeout: 10_000, interval: 20 })
    const response = await sendMessage(emulator.url, { token, text: 'still there?' })
    expect(response.status).toBe(200)
    const body = await response.json()
    expect(body).toMatchObject({ identity: 'anonymous', expired: true })
    expect(body.reply).toMatch(/expired/)
    expect(emulator.log().messages.map(({ identity, expired }) => ({ identity, expired }))).toEqual([
      { identity: 'ada-1', expired: false },
      { identity: 'anonymous', expired: true },
    ])
  })

  it('is expired exactly at exp, not a moment later', async () => {
    const emulator = await useEmulator({ strict })
    const { token, expiresAt } = await mintToken(emulator.url)
    vi.useFakeTimers({ toFake: ['Date'] })
    try {
      vi.setSystemTime(expiresAt - 1)
      expect((await (await sendMessage(emulator.url, { token })).json()).identity).toBe('ada-1')
      vi.setSystemTime(expiresAt)
      expect(await (await sendMessage(emulator.url, { token })).json()).toMatchObject({
        identity: 'anonymous',
        expired: true,
      })
    } finally {
      vi.useRealTimers()
    }
  })

  it('a forged token stays refused after it would have expired', async () => {
    const emulator = await useEmulator({ strict })
    const { token } = await mintToken(emulator.url)
    const forged = reforge(token, (claims) => Object.assign(claims, { exp: 1, expiresAt: 1000 }))
    expect((await sendMessage(emulator.url, { token: forged })).status).toBe(401)
  })

  it.each([
    ['no productId', { productId: '' }, 400, 'productId'],
    ['an unknown product', { productId: 'nope' }, 404, 'productId'],
    ['no text', { text: '' }, 400, 'text'],
    ['text over 2000 characters', { text: 'x'.repeat(2001) }, 400, 'text'],
  ])('refuses a message with %s', async (_, fields, status, field) => {
    const emulator = await useEmulator({ strict })
    const response = await sendMessage(emulator.url, fields)
    expect(response.status).toBe(status)
    expect((await response.json()).field).toBe(field)
  })
})

describe('CORS on /v1/messages', () => {
  const preflight = (url: string, origin: string) =>
    fetch(`${url}/v1/messages`, {
      method: 'OPTIONS',
      headers: {
        Origin: origin,
        'Access-Control-Request-Method': 'POST',
        'Access-Control-Request-Headers': 'authorization,content-type',
      },
    })

  it.each(['http://localhost:5173', 'http://localhost:3000', 'http://127.0.0.1:4173', 'http://localhost'])(
    'allows the demo product origin %s (port wildcard), preflight included',
    async (origin) => {
      const emulator = await useEmulator()
      const allowed = await preflight(emulator.url, origin)
      expect(allowed.status).toBe(204)
      expect(allowed.headers.get('access-control-allow-origin')).toBe(origin)
      expect(allowed.headers.get('access-control-allow-methods')).toContain('POST')
      expect(allowed.headers.get('access-control-allow-headers')?.toLowerCase().split(', ')).toEqual([
        'authorization',
        'content-type',
      ])
      const post = await sendMessage(emulator.url, { origin })
      expect(post.status).toBe(200)
      expect(post.headers.get('access-control-allow-origin')).toBe(origin)
      expect(post.headers.get('vary')).toBe('Origin')
    },
  )

  it.each(['https://evil.example', 'https://localhost:5173', 'http://localhost.evil.example:5173', 'null'])(
    'gives the unregistered origin %s no allowance: 403 on preflight and on the message',
    async (origin) => {
      const emulator = await useEmulator()
      const denied = await preflight(emulator.url, origin)
      expect(denied.status).toBe(403)
      expect(denied.headers.get('access-control-allow-origin')).toBeNull()
      const post = await sendMessage(emulator.url, { origin })
      expect(post.status).toBe(403)
      expect(post.headers.get('access-control-allow-origin')).toBeNull()
      expect(emulator.log().messages).toEqual([])
    },
  )

  it("scopes CORS per product: one product's origin gets nothing from another's messages", async () => {
    const emulator = await useEmulator({ products: [DEMO_PRODUCT, OTHER_PRODUCT] })
    // The preflight passes (another product registered the origin) but the message itself is checked per product.
    expect((await preflight(emulator.url, 'https://other.example')).status).toBe(204)
    const post = await sendMessage(emulator.url, { origin: 'https://other.example', productId: 'demo-product' })
    expect(post.status).toBe(403)
    expect(post.headers.get('access-control-allow-origin')).toBeNull()
    expect(
      (await sendMessage(emulator.url, { origin: 'https://other.example', productId: 'other-product' })).status,
    ).toBe(200)
  })

  it('an exact registered origin matches only itself', async () => {
    const emulator = await useEmulator({ products: [OTHER_PRODUCT] })
    expect(
      (await sendMessage(emulator.url, { origin: 'https://other.example', productId: 'other-product' })).status,
    ).toBe(200)
    expect(
      (await sendMessage(emulator.url, { origin: 'https://other.example:8443', productId: 'other-product' })).status,
    ).toBe(403)
    expect(
      (await sendMessage(emulator.url, { origin: 'http://other.example', productId: 'other-product' })).status,
    ).toBe(403)
  })
})
