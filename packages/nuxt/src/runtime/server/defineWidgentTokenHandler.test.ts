import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { DEMO_PRODUCT, startEmulator } from '@widgent/emulator'
import { createApp, getCookie, toNodeListener } from 'h3'
import { afterEach, describe, expect, it, onTestFinished, vi } from 'vitest'
import { setRuntimeConfig } from '../../test/virtualModules'
import { defineWidgentTokenHandler, type WidgentTokenHandlerOptions } from './defineWidgentTokenHandler'

afterEach(() => void vi.unstubAllEnvs())

const claimsOf = (token: string) => JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString())

/** Ada is signed in when the request's session cookie says so: what an app's getUser reads from its session. */
const fromSession: WidgentTokenHandlerOptions['getUser'] = (event) =>
  getCookie(event, 'session') == 'ada' ? { id: 'ada', name: 'Ada Lovelace' } : null

async function useEmulator() {
  const emulator = await startEmulator()
  onTestFinished(() => emulator.close())
  return emulator
}

/** The runtime config the module writes, with these values. */
const runtimeConfig = ({ productId = '', apiUrl = '', verificationSecret = '' }) =>
  setRuntimeConfig({
    widgent: { apiUrl, verificationSecret },
    public: { widgent: { productId, serviceKey: '', scriptUrl: '', tokenEndpoint: '' } },
  })

/** `handler` as an h3 app's route, on a free loopback port; `get(cookie)` asks it for a token. */
async function serve(handler: ReturnType<typeof defineWidgentTokenHandler>) {
  const app = createApp().use('/api/widgent-token', handler)
  const server = createServer(toNodeListener(app))
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  onTestFinished(() => new Promise<void>((resolve) => server.close(() => resolve())))
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/widgent-token`
  return async (cookie = 'session=ada', query = '') => {
    const response = await fetch(url + query, { headers: { cookie } })
    return { status: response.status, cacheControl: response.headers.get('cache-control'), body: await response.json() }
  }
}

describe('defineWidgentTokenHandler', () => {
  it("answers the session user's token, minted with the runtime config's product, secret and API URL", async () => {
    const emulator = await useEmulator()
    runtimeConfig({
      productId: DEMO_PRODUCT.productId,
      verificationSecret: DEMO_PRODUCT.verificationSecret,
      apiUrl: emulator.url,
    })
    const get = await serve(defineWidgentTokenHandler({ getUser: fromSession }))
    const answer = await get('session=ada', '?userId=grace')
    expect(answer).toMatchObject({ status: 200, cacheControl: 'no-store' })
    expect(claimsOf(answer.body.token)).toMatchObject({ sub: 'ada', name: 'Ada Lovelace', pid: DEMO_PRODUCT.productId })
    expect(emulator.log().tokens.map((token) => token.userId)).toEqual(['ada'])
  })

  it('answers 401 and mints nothing when nobody is signed in', async () => {
    const emulator = await useEmulator()
    runtimeConfig({
      productId: DEMO_PRODUCT.productId,
      verificationSecret: DEMO_PRODUCT.verificationSecret,
      apiUrl: emulator.url,
    })
    const get = await serve(defineWidgentTokenHandler({ getUser: fromSession }))
    expect(await get('')).toMatchObject({ status: 401, cacheControl: 'no-store' })
    expect(emulator.log().tokens).toEqual([])
  })

  it('reads the runtime config on every request, so a value set after start-up applies', async () => {
    const emulator = await useEmulator()
    runtimeConfig({ productId: DEMO_PRODUCT.productId, verificationSecret: 'wrong', apiUrl: emulator.url })
    const get = await serve(defineWidgentTokenHandler({ getUser: fromSession, onError: () => {} }))
    expect((await get()).status).toBe(502)
    runtimeConfig({
      productId: DEMO_PRODUCT.productId,
      verificationSecret: DEMO_PRODUCT.verificationSecret,
      apiUrl: emulator.url,
    })
    expect((await get()).status).toBe(200)
  })

  it('falls back to WIDGENT_* where the runtime config is empty, and options given to it win over both', async () => {
    const emulator = await useEmulator()
    runtimeConfig({ productId: 'from-runtime-config' })
    vi.stubEnv('WIDGENT_VERIFICATION_SECRET', DEMO_PRODUCT.verificationSecret)
    vi.stubEnv('WIDGENT_API_URL', emulator.url)
    const get = await serve(defineWidgentTokenHandler({ getUser: fromSession, productId: DEMO_PRODUCT.productId }))
    const answer = await get()
    expect(answer.status).toBe(200)
    expect(claimsOf(answer.body.token).pid).toBe(DEMO_PRODUCT.productId)
  })

  it('answers 500 and logs what to set when there is no secret anywhere', async () => {
    runtimeConfig({ productId: DEMO_PRODUCT.productId })
    vi.stubEnv('WIDGENT_VERIFICATION_SECRET', '')
    const onError = vi.fn()
    const get = await serve(defineWidgentTokenHandler({ getUser: fromSession, onError }))
    expect(await get()).toMatchObject({ status: 500, body: { code: 'invalid-request' } })
    expect(String(onError.mock.calls[0]![0])).toMatch(/verificationSecret/)
  })

  it('answers 500 when getUser throws, and reports the error', async () => {
    runtimeConfig({ productId: DEMO_PRODUCT.productId, verificationSecret: DEMO_PRODUCT.verificationSecret })
    const onError = vi.fn()
    const get = await serve(
      defineWidgentTokenHandler({ getUser: () => Promise.reject(new Error('session store down')), onError }),
    )
    expect((await get()).status).toBe(500)
    expect(onError).toHaveBeenCalledWith(expect.objectContaining({ message: 'session store down' }))
  })
})
