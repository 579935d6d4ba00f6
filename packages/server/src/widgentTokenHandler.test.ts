import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import express from 'express'
import { afterEach, describe, expect, it, onTestFinished, vi } from 'vitest'
import { claimsOf, isJwt, subOf } from '@widgent/test-utils'
import { CREDENTIALS, useEmulator } from '@widgent/test-utils/emulator'
import { messageAs } from './__tests__/helpers'
import type { WidgentUser } from './types'
import { widgentTokenHandler } from './widgentTokenHandler'

async function listen(server: ReturnType<typeof createServer>) {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  onTestFinished(() => new Promise<void>((resolve) => server.close(() => resolve())))
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`
}

/** An Express app whose auth middleware signs `user` in (or nobody), with the one-line token route. */
async function expressApp(user: WidgentUser | null, options: Partial<Parameters<typeof widgentTokenHandler>[0]> = {}) {
  const app = express()
  app.use(express.json())
  app.use((req, _res, next) => {
    Object.assign(req, { user })
    next()
  })
  const route = widgentTokenHandler<express.Request & { user?: WidgentUser | null }>({
    ...CREDENTIALS,
    getUser: (req) => req.user,
    ...options,
  })
  app.get('/api/widgent-token', route)
  app.post('/api/widgent-token', route)
  return listen(createServer(app))
}

afterEach(() => void vi.restoreAllMocks())

describe('widgentTokenHandler (Express, Connect, node:http)', () => {
  it("answers the signed-in user's token, which the emulator's message endpoint accepts", async () => {
    const emulator = await useEmulator()
    const app = await expressApp({ id: 'ada-1', name: 'Ada', metadata: { plan: 'pro' } }, { apiUrl: emulator.url })
    const response = await fetch(`${app}/api/widgent-token`)
    expect(response.status).toBe(200)
    expect(response.headers.get('cache-control')).toBe('no-store')
    expect(response.headers.get('content-type')).toMatch(/^application\/json/)
    const { token, expiresAt } = await response.json()
    expect(expiresAt).toBeGreaterThan(Date.now())
    expect(claimsOf(token)).toMatchObject({ sub: 'ada-1', name: 'Ada', metadata: { plan: 'pro' } })
    expect((await messageAs(emulator.url, token)).identity).toBe('ada-1')
  })

  it('against a strict emulator: answers { token } alone, which its message endpoint accepts', async () => {
    const emulator = await useEmulator({ strict: true })
    const app = await expressApp({ id: 'ada-1', name: 'Ada' }, { apiUrl: emulator.url })
    const response = await fetch(`${app}/api/widgent-token?userId=mallory`)
    expect(response.status).toBe(200)
    expect(response.headers.get('cache-control')).toBe('no-store')
    const body = await response.json()
    expect(Object.keys(body)).toEqual(['token'])
    expect(isJwt(body.token)).toBe(false)
    expect(subOf(body.token)).toBe('ada-1')
    expect(await messageAs(emulator.url, body.token)).toMatchObject({
      identity: 'ada-1',
      reply: 'Hi Ada! You said: "hello"',
    })
  })

  it('takes the user id from getUser only, whatever the request says', async () => {
    const emulator = await useEmulator()
    const app = await expressApp({ id: 'ada-1' }, { apiUrl: emulator.url })
    const get = await fetch(`${app}/api/widgent-token?userId=mallory&id=mallory`, {
      headers: { 'X-User-Id': 'mallory', 'X-Widgent-User-Id': 'mallory' },
    })
    const post = await fetch(`${app}/api/widgent-token?userId=mallory`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-User-Id': 'mallory' },
      body: JSON.stringify({ userId: 'mallory', id: 'mallory', user: { id: 'mallory' } }),
    })
    for (const response of [get, post]) expect(claimsOf((await response.json()).token).sub).toBe('ada-1')
    expect(emulator.log().tokens.map((t) => t.userId)).toEqual(['ada-1', 'ada-1'])
  })

  it('answers 401 when nobody is signed in, without calling Widgent', async () => {
    const emulator = await useEmulator()
    const app = await expressApp(null, { apiUrl: emulator.url })
    const response = await fetch(`${app}/api/widgent-token?userId=mallory`)
    expect(response.status).toBe(401)
    expect(response.headers.get('cache-control')).toBe('no-store')
    expect((await response.json()).error).toMatch(/Not signed in/)
    expect(emulator.log().tokens).toEqual([])
    expect(emulator.log().rejected).toEqual([])
  })

  it('answers 502 with a JSON error and no secret when Widgent fails, and logs why', async () => {
    const emulator = await useEmulator({ faults: true })
    await fetch(`${emulator.url}/__emulator/faults`, { method: 'POST', body: JSON.stringify({ tokenStatus: 503 }) })
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {})
    const app = await expressApp({ id: 'ada-1' }, { apiUrl: emulator.url })
    const response = await fetch(`${app}/api/widgent-token`)
    expect(response.status).toBe(502)
    expect(response.headers.get('cache-control')).toBe('no-store')
    const text = await response.text()
    expect(JSON.parse(text)).toEqual({ error: expect.any(String), code: 'upstream' })
    expect(text).not.toContain(CREDENTIALS.verificationSecret)
    expect(logged).toHaveBeenCalledOnce()
    expect(logged.mock.calls.flat().join(' ')).toMatch(/\(503\)/)
    expect(logged.mock.calls.flat().join(' ')).not.toContain(CREDENTIALS.verificationSecret)
  })

  it('answers 502 on a wrong secret and hands the error to onError', async () => {
    const emulator = await useEmulator()
    const onError = vi.fn()
    const app = await expressApp({ id: 'ada-1' }, { apiUrl: emulator.url, verificationSecret: 'wrong-secret', onError })
    const response = await fetch(`${app}/api/widgent-token`)
    expect(response.status).toBe(502)
    const text = await response.text()
    expect(text).not.toContain('wrong-secret')
    expect(JSON.parse(text).code).toBe('unauthorized')
    expect(onError).toHaveBeenCalledWith(expect.objectContaining({ code: 'unauthorized', status: 401 }))
  })

  it('answers 500 when the route itself is misconfigured (a user id that is not a string)', async () => {
    const emulator = await useEmulator()
    const onError = vi.fn()
    const app = await expressApp({ id: 42 } as never, { apiUrl: emulator.url, onError })
    const response = await fetch(`${app}/api/widgent-token`)
    expect(response.status).toBe(500)
    expect(onError).toHaveBeenCalledWith(expect.objectContaining({ code: 'invalid-request', field: 'userId' }))
    expect(emulator.log().tokens).toEqual([])
  })

  it('waits for an async getUser', async () => {
    const emulator = await useEmulator()
    const app = await expressApp(null, { apiUrl: emulator.url, getUser: async () => ({ id: 'grace-2' }) })
    expect(claimsOf((await (await fetch(`${app}/api/widgent-token`)).json()).token).sub).toBe('grace-2')
  })

  it("passes a throwing getUser to Express's error handling", async () => {
    const app = express()
    app.get(
      '/api/widgent-token',
      widgentTokenHandler({
        ...CREDENTIALS,
        getUser: () => {
          throw new Error('session store down')
        },
      }),
    )
    app.use(
      (error: Error, _req: express.Request, res: express.Response, _next: express.NextFunction) =>
        void res.status(503).json({ from: 'app', message: error.message }),
    )
    const url = await listen(createServer(app))
    const response = await fetch(`${url}/api/widgent-token`)
    expect(response.status).toBe(503)
    expect(await response.json()).toEqual({ from: 'app', message: 'session store down' })
  })

  it('works on plain node:http, where a throwing getUser is a 500', async () => {
    const emulator = await useEmulator()
    const onError = vi.fn()
    let user: WidgentUser | null = { id: 'ada-1' }
    const handler = widgentTokenHandler({
      ...CREDENTIALS,
      apiUrl: emulator.url,
      onError,
      getUser: () => {
        if (!user) throw new Error('no session store')
        return user
      },
    })
    const url = await listen(createServer((req, res) => void handler(req, res)))
    expect(claimsOf((await (await fetch(url)).json()).token).sub).toBe('ada-1')
    user = null
    const broken = await fetch(url)
    expect(broken.status).toBe(500)
    expect(onError).toHaveBeenCalledWith(expect.objectContaining({ message: 'no session store' }))
  })
})
