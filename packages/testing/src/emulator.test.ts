// @vitest-environment node
import { createUserToken } from '@widgent/server'
import { afterEach, describe, expect, it, vi } from 'vitest'
import {
  emulatorEnv,
  emulatorFromEnv,
  readEmulatorLog,
  startWidgentEmulator,
  type WidgentTestEmulator,
} from './emulator'

let emulator: WidgentTestEmulator | undefined
afterEach(async () => {
  await emulator?.close()
  emulator = undefined
})

describe('startWidgentEmulator', () => {
  it('starts on a free loopback port with the demo product, the script URL and the environment for the app', async () => {
    emulator = await startWidgentEmulator()
    expect(emulator.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/)
    expect(emulator.url).not.toBe('http://127.0.0.1:4010')
    expect(emulator).toMatchObject({
      scriptUrl: `${emulator.url}/widget.js`,
      productId: 'demo-product',
      serviceKey: 'demo-service-key',
      verificationSecret: 'demo-verification-secret',
    })
    expect(emulator.env).toEqual({
      WIDGENT_EMULATOR_URL: emulator.url,
      WIDGENT_API_URL: emulator.url,
      WIDGENT_SCRIPT_URL: `${emulator.url}/widget.js`,
      WIDGENT_PRODUCT_ID: 'demo-product',
      WIDGENT_SERVICE_KEY: 'demo-service-key',
      WIDGENT_VERIFICATION_SECRET: 'demo-verification-secret',
    })
    const script = await fetch(emulator.scriptUrl)
    expect(script.headers.get('content-type')).toMatch(/javascript/)
  })

  it('@widgent/server mints through it with nothing but its environment', async () => {
    emulator = await startWidgentEmulator()
    for (const [name, value] of Object.entries(emulator.env)) vi.stubEnv(name, value)
    const { token } = await createUserToken({ userId: 'ada', name: 'Ada' })
    vi.unstubAllEnvs()
    expect(token).toEqual(expect.any(String))
    const log = await readEmulatorLog(emulator.url)
    expect(log.tokens.map((t) => t.userId)).toEqual(['ada'])
  })

  it("takes the emulator's options: strict mode, another product", async () => {
    const product = {
      productId: 'acme',
      serviceKey: 'acme-key',
      verificationSecret: 'acme-secret',
      origins: ['http://localhost:*'],
    }
    emulator = await startWidgentEmulator({ strict: true, products: [product] })
    expect(emulator).toMatchObject({ productId: 'acme', serviceKey: 'acme-key', verificationSecret: 'acme-secret' })
    expect(emulator.configure({}).strict).toBe(true)
  })

  it('close() stops it', async () => {
    const started = await startWidgentEmulator()
    await started.close()
    await expect(fetch(started.scriptUrl)).rejects.toThrow()
  })
})

describe('emulatorFromEnv', () => {
  it('reads what emulatorEnv wrote, and nothing when no emulator is named', () => {
    const info = {
      url: 'http://127.0.0.1:1234',
      scriptUrl: 'http://127.0.0.1:1234/widget.js',
      productId: 'p',
      serviceKey: 'k',
      verificationSecret: 's',
    }
    expect(emulatorFromEnv({ ...emulatorEnv(info) })).toEqual(info)
    expect(emulatorFromEnv({ WIDGENT_API_URL: 'https://api.widgent.app' })).toBeUndefined()
  })
})

describe('readEmulatorLog', () => {
  it('says when the URL is no emulator', async () => {
    emulator = await startWidgentEmulator()
    await expect(readEmulatorLog(`${emulator.url}/nothing`)).rejects.toThrow('answered 404: is')
  })
})
