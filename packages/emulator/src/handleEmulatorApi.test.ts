import { describe, expect, it } from 'vitest'
import { DEMO_PRODUCT } from './DEMO_PRODUCT'
import { claimsOf, isJwt } from '@widgent/test-utils'
import { mintToken, postJson, sendMessage, useEmulator } from '@widgent/test-utils/emulator'

const setFaults = (url: string, faults: Record<string, unknown>) => postJson(`${url}/__emulator/faults`, faults)
const { productId, verificationSecret } = DEMO_PRODUCT
const NO_WEIGHT = { scriptBytes: 0, startupMs: 0 }
const tokenRequest = (url: string) =>
  postJson(`${url}/v1/auth/user-token`, { productId, verificationSecret, userId: 'ada-1' })

describe('fault knobs', () => {
  it.each([
    ['POST', '/__emulator/faults'],
    ['DELETE', '/__emulator/faults'],
    ['GET', '/__emulator/faults'],
    ['POST', '/__emulator/config'],
    ['GET', '/__emulator/config'],
    ['DELETE', '/__emulator/log'],
  ])('are off unless enabled: %s %s answers 404', async (method, path) => {
    const emulator = await useEmulator()
    const response = await fetch(`${emulator.url}${path}`, {
      method,
      headers: { 'Content-Type': 'application/json' },
      body: method == 'POST' ? '{"script":"404"}' : undefined,
    })
    expect(response.status).toBe(404)
    expect((await response.json()).error).toMatch(/--faults/)
    expect((await fetch(`${emulator.url}/widget.js`)).status).toBe(200)
  })

  it('tokenStatus fails every token request until cleared', async () => {
    const emulator = await useEmulator({ faults: true })
    expect(await (await setFaults(emulator.url, { tokenStatus: 503 })).json()).toEqual({ tokenStatus: 503 })
    for (let i = 0; i < 3; i++) expect((await tokenRequest(emulator.url)).status).toBe(503)
    expect((await fetch(`${emulator.url}/__emulator/faults`, { method: 'DELETE' })).status).toBe(200)
    expect((await tokenRequest(emulator.url)).status).toBe(200)
    expect(emulator.log().rejected.map((r) => r.status)).toEqual([503, 503, 503])
  })

  it('tokenFailCount fails that many requests, then recovers', async () => {
    const emulator = await useEmulator({ faults: true })
    await setFaults(emulator.url, { tokenStatus: 500, tokenFailCount: 2 })
    const statuses = []
    for (let i = 0; i < 4; i++) statuses.push((await tokenRequest(emulator.url)).status)
    expect(statuses).toEqual([500, 500, 200, 200])
    expect(await (await fetch(`${emulator.url}/__emulator/faults`)).json()).toEqual({})
  })

  it('tokenDelayMs holds the token answer back', async () => {
    const emulator = await useEmulator({ faults: true })
    await setFaults(emulator.url, { tokenDelayMs: 300 })
    const started = performance.now()
    expect((await tokenRequest(emulator.url)).status).toBe(200)
    expect(performance.now() - started).toBeGreaterThanOrEqual(290)
  })

  it('POST merges into the current faults; DELETE clears them', async () => {
    const emulator = await useEmulator({ faults: true })
    await setFaults(emulator.url, { script: 'slow', scriptDelayMs: 50 })
    expect(await (await setFaults(emulator.url, { tokenDelayMs: 10 })).json()).toEqual({
      script: 'slow',
      scriptDelayMs: 50,
      tokenDelayMs: 10,
    })
    expect(await (await fetch(`${emulator.url}/__emulator/faults`, { method: 'DELETE' })).json()).toEqual({})
  })

  it.each([
    [{ script: 'broken' }, 'script'],
    [{ scriptDelayMs: -1 }, 'scriptDelayMs'],
    [{ tokenDelayMs: 'soon' }, 'tokenDelayMs'],
    [{ tokenStatus: 200 }, 'tokenStatus'],
    [{ tokenFailCount: 0 }, 'tokenFailCount'],
    [{ tokenStaus: 500 }, 'tokenStaus'],
  ])('refuses the bad knob %j with 400', async (faults, field) => {
    const emulator = await useEmulator({ faults: true })
    const response = await setFaults(emulator.url, faults)
    expect(response.status).toBe(400)
    expect((await response.json()).field).toBe(field)
    expect(await (await fetch(`${emulator.url}/__emulator/faults`)).json()).toEqual({})
  })

  it("script '404' serves no script; 'ok' brings it back", async () => {
    const emulator = await useEmulator({ faults: true })
    await setFaults(emulator.url, { script: '404' })
    expect((await fetch(`${emulator.url}/widget.js`)).status).toBe(404)
    await setFaults(emulator.url, { script: 'ok' })
    const script = await fetch(`${emulator.url}/widget.js`)
    expect(script.status).toBe(200)
    expect(emulator.log().scriptLoads).toBe(1)
  })

  it("script 'slow' waits scriptDelayMs before serving", async () => {
    const emulator = await useEmulator({ faults: true })
    await setFaults(emulator.url, { script: 'slow', scriptDelayMs: 300 })
    const started = performance.now()
    expect((await fetch(`${emulator.url}/widget.js`)).status).toBe(200)
    expect(performance.now() - started).toBeGreaterThanOrEqual(290)
  })

  it("script 'never-ready' serves a widget told never to become ready", async () => {
    const emulator = await useEmulator({ faults: true })
    await setFaults(emulator.url, { script: 'never-ready' })
    expect(await (await fetch(`${emulator.url}/widget.js`)).text()).toContain('"neverReady":true')
  })

  it('close() ends a request held by a slow script at once', async () => {
    const emulator = await useEmulator({ faults: true })
    await setFaults(emulator.url, { script: 'slow', scriptDelayMs: 60_000 })
    const pending = fetch(`${emulator.url}/widget.js`).catch((error: Error) => error)
    const started = performance.now()
    await emulator.close()
    // Not the 60 s hold: a bound a busy machine still meets.
    expect(performance.now() - started).toBeLessThan(10_000)
    expect(await pending).toBeInstanceOf(Error)
  })

  it('POST /__emulator/config changes the token lifetime at run time and answers every setting', async () => {
    const emulator = await useEmulator({ faults: true })
    expect(await (await postJson(`${emulator.url}/__emulator/config`, { tokenTtlSeconds: 5 })).json()).toEqual({
      tokenTtlSeconds: 5,
      strict: false,
      weight: NO_WEIGHT,
    })
    const { token } = await mintToken(emulator.url)
    const { iat, exp } = claimsOf(token) as { iat: number; exp: number }
    expect(exp - iat).toBeGreaterThanOrEqual(5)
    expect(exp - iat).toBeLessThanOrEqual(6)
    const bad = await postJson(`${emulator.url}/__emulator/config`, { tokenTtlSeconds: 0.5 })
    expect(bad.status).toBe(400)
    expect((await bad.json()).field).toBe('tokenTtlSeconds')
    expect((await postJson(`${emulator.url}/__emulator/config`, { other: 1 })).status).toBe(400)
    expect(await (await fetch(`${emulator.url}/__emulator/config`)).json()).toEqual({
      tokenTtlSeconds: 5,
      strict: false,
      weight: NO_WEIGHT,
    })
  })

  it('POST /__emulator/config turns strict mode on and off for tokens minted and scripts served afterwards', async () => {
    const emulator = await useEmulator({ faults: true })
    const before = await mintToken(emulator.url)
    expect(await (await postJson(`${emulator.url}/__emulator/config`, { strict: true })).json()).toEqual({
      tokenTtlSeconds: 3600,
      strict: true,
      weight: NO_WEIGHT,
    })
    const strict = await mintToken(emulator.url)
    expect([isJwt(before.token), isJwt(strict.token)]).toEqual([true, false])
    expect(Object.keys(strict.answer)).toEqual(['token'])
    expect(await (await fetch(`${emulator.url}/widget.js`)).text()).toContain('"strict":true')
    // A token minted before the change is still genuine.
    expect((await sendMessage(emulator.url, { token: before.token })).status).toBe(200)
    const bad = await postJson(`${emulator.url}/__emulator/config`, { strict: 'yes' })
    expect(bad.status).toBe(400)
    expect((await bad.json()).field).toBe('strict')
    await postJson(`${emulator.url}/__emulator/config`, { strict: false })
    expect(isJwt((await mintToken(emulator.url)).token)).toBe(true)
  })

  it('POST /__emulator/config sets the weight knob for scripts served afterwards (a key left out is 0)', async () => {
    const emulator = await useEmulator({ faults: true })
    const size = async () => (await (await fetch(`${emulator.url}/widget.js`)).arrayBuffer()).byteLength
    expect(await size()).toBeLessThan(20_000)
    const answer = await postJson(`${emulator.url}/__emulator/config`, {
      weight: { scriptBytes: 300_000, startupMs: 150 },
    })
    expect((await answer.json()).weight).toEqual({ scriptBytes: 300_000, startupMs: 150 })
    expect(await size()).toBe(300_000)
    expect(await (await fetch(`${emulator.url}/widget.js`)).text()).toContain('"startupMs":150')
    expect(
      (await (await postJson(`${emulator.url}/__emulator/config`, { weight: { startupMs: 10 } })).json()).weight,
    ).toEqual({ scriptBytes: 0, startupMs: 10 })
    expect(await size()).toBeLessThan(20_000)
  })

  it.each([
    [{ weight: { scriptBytes: -1 } }, 'weight.scriptBytes'],
    [{ weight: { scriptBytes: 1.5 } }, 'weight.scriptBytes'],
    [{ weight: { startupMs: 10_001 } }, 'weight.startupMs'],
    [{ weight: { startupMs: '150' } }, 'weight.startupMs'],
    [{ weight: { bytes: 300_000 } }, 'weight'],
    [{ weight: 300_000 }, 'weight'],
    [{ weight: null }, 'weight'],
  ])('refuses the bad setting %j with 400, changing nothing', async (settings, field) => {
    const emulator = await useEmulator({ faults: true, weight: { startupMs: 5 } })
    const response = await postJson(`${emulator.url}/__emulator/config`, settings)
    expect(response.status).toBe(400)
    expect((await response.json()).field).toBe(field)
    expect((await (await fetch(`${emulator.url}/__emulator/config`)).json()).weight).toEqual({
      scriptBytes: 0,
      startupMs: 5,
    })
  })

  it('refuses a bad weight at start, saying which', async () => {
    await expect(useEmulator({ weight: { scriptBytes: -5 } })).rejects.toThrow(
      /weight.scriptBytes must be a whole number from 0 to 10000000/,
    )
  })

  it('setTokenTtl() and configure() on the handle do the same, with or without faults', async () => {
    const emulator = await useEmulator()
    emulator.setTokenTtl(2)
    const { iat, exp } = claimsOf((await mintToken(emulator.url)).token) as { iat: number; exp: number }
    expect(exp - iat).toBeLessThanOrEqual(3)
    expect(() => emulator.setTokenTtl(0)).toThrow(/at least 1/)
    expect(emulator.configure({ strict: true })).toEqual({ tokenTtlSeconds: 2, strict: true, weight: NO_WEIGHT })
    expect(isJwt((await mintToken(emulator.url)).token)).toBe(false)
    expect(() => emulator.configure({ strict: 1 as never, tokenTtlSeconds: 60 })).toThrow(
      /strict must be true or false/,
    )
    expect(emulator.configure({})).toEqual({ tokenTtlSeconds: 2, strict: true, weight: NO_WEIGHT })
  })
})

describe('GET /__emulator/log', () => {
  it('records tokens, inits, script loads, messages and refusals; log() returns the same', async () => {
    const emulator = await useEmulator()
    const origin = 'http://localhost:5173'
    await fetch(`${emulator.url}/widget.js`)
    await fetch(`${emulator.url}/v1/widget/config?productId=demo-product&serviceKey=demo-service-key`, {
      headers: { Origin: origin },
    })
    const { token } = await mintToken(emulator.url)
    await postJson(
      `${emulator.url}/v1/messages`,
      { productId, text: 'hi' },
      { Origin: origin, Authorization: `Bearer ${token}` },
    )
    await postJson(`${emulator.url}/v1/auth/user-token`, { productId, verificationSecret: 'wrong', userId: 'x' })
    const response = await fetch(`${emulator.url}/__emulator/log`)
    const log = await response.json()
    expect(log).toEqual(emulator.log())
    expect(log).toMatchObject({
      tokens: [{ userId: 'ada-1', name: 'Ada', productId }],
      messages: [{ identity: 'ada-1', text: 'hi', origin, expired: false }],
      inits: [{ productId, origin }],
      scriptLoads: 1,
      rejected: [
        {
          method: 'POST',
          path: '/v1/auth/user-token',
          status: 401,
          reason: expect.stringMatching(/verificationSecret/),
        },
      ],
    })
  })

  it('log() hands out a copy', async () => {
    const emulator = await useEmulator()
    emulator.log().tokens.push({} as never)
    expect(emulator.log().tokens).toEqual([])
  })

  it('lets pages on this machine read it and no others', async () => {
    const emulator = await useEmulator()
    for (const origin of ['http://localhost:5173', 'http://127.0.0.1:9', 'http://[::1]:3000']) {
      const response = await fetch(`${emulator.url}/__emulator/log`, { headers: { Origin: origin } })
      expect(response.headers.get('access-control-allow-origin')).toBe(origin)
    }
    const foreign = await fetch(`${emulator.url}/__emulator/log`, { headers: { Origin: 'https://evil.example' } })
    expect(foreign.status).toBe(403)
    expect(foreign.headers.get('access-control-allow-origin')).toBeNull()
  })

  it('answers a loopback preflight for the test endpoints', async () => {
    const emulator = await useEmulator({ faults: true })
    const preflight = await fetch(`${emulator.url}/__emulator/faults`, {
      method: 'OPTIONS',
      headers: {
        Origin: 'http://localhost:5173',
        'Access-Control-Request-Method': 'POST',
        'Access-Control-Request-Headers': 'content-type',
      },
    })
    expect(preflight.status).toBe(204)
    expect(preflight.headers.get('access-control-allow-methods')).toContain('POST')
  })

  it('DELETE resets it when faults are enabled', async () => {
    const emulator = await useEmulator({ faults: true })
    await mintToken(emulator.url)
    expect(emulator.log().tokens).toHaveLength(1)
    const response = await fetch(`${emulator.url}/__emulator/log`, { method: 'DELETE' })
    expect(await response.json()).toEqual({ tokens: [], messages: [], inits: [], scriptLoads: 0, rejected: [] })
    expect(emulator.log().tokens).toEqual([])
  })
})
