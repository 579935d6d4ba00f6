// @vitest-environment node
import { afterEach, describe, expect, it, vi } from 'vitest'
import { widgentEmulatorTasks } from './cypress'
import { startWidgentEmulator } from './emulator'
import { widgentFixtures } from './playwright'
import { setup } from './vitest'

afterEach(() => {
  vi.unstubAllEnvs()
})

const NAMES = [
  'WIDGENT_EMULATOR_URL',
  'WIDGENT_API_URL',
  'WIDGENT_SCRIPT_URL',
  'WIDGENT_PRODUCT_ID',
  'WIDGENT_SERVICE_KEY',
  'WIDGENT_VERIFICATION_SECRET',
]
const clearEnv = () => NAMES.forEach((name) => vi.stubEnv(name, undefined))

describe('the vitest global setup', () => {
  it('starts an emulator, provides it, sets the environment, and on teardown restores it and stops the emulator', async () => {
    clearEnv()
    vi.stubEnv('WIDGENT_API_URL', 'https://api.widgent.app')
    const provide = vi.fn()
    const teardown = await setup({ provide })
    const info = provide.mock.calls[0]![1]
    expect(provide).toHaveBeenCalledWith('widgentEmulator', {
      url: expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+$/),
      scriptUrl: `${info.url}/widget.js`,
      productId: 'demo-product',
      serviceKey: 'demo-service-key',
      verificationSecret: 'demo-verification-secret',
    })
    expect(process.env.WIDGENT_API_URL).toBe(info.url)
    expect((await fetch(info.scriptUrl)).status).toBe(200)
    await teardown()
    expect(process.env.WIDGENT_API_URL).toBe('https://api.widgent.app')
    expect(process.env.WIDGENT_EMULATOR_URL).toBeUndefined()
    await expect(fetch(info.scriptUrl)).rejects.toThrow()
  })

  it('joins an emulator a parent process started, and leaves it running', async () => {
    const parent = await startWidgentEmulator()
    try {
      for (const [name, value] of Object.entries(parent.env)) vi.stubEnv(name, value)
      const provide = vi.fn()
      const teardown = await setup({ provide })
      expect(provide.mock.calls[0]![1].url).toBe(parent.url)
      await teardown()
      expect((await fetch(parent.scriptUrl)).status).toBe(200)
    } finally {
      await parent.close()
    }
  })
})

describe('the Cypress plugin', () => {
  it('starts an emulator, puts it in config.env, answers its tasks, and stops it after the run', async () => {
    clearEnv()
    const handlers: Record<string, unknown> = {}
    const on = ((event: string, handler: unknown) => (handlers[event] = handler)) as Parameters<
      typeof widgentEmulatorTasks
    >[0]
    const config = await widgentEmulatorTasks(on, { env: {}, baseUrl: 'http://localhost:5173' })
    const info = config.env.widgentEmulator
    expect(config.baseUrl).toBe('http://localhost:5173')
    expect(info).toMatchObject({ scriptUrl: `${info.url}/widget.js`, productId: 'demo-product' })
    const tasks = handlers.task as Record<string, () => unknown>
    expect(tasks['widgent:emulator']!()).toEqual(info)
    await fetch(info.scriptUrl)
    expect(await tasks['widgent:log']!()).toMatchObject({ scriptLoads: 1 })
    await (handlers['after:run'] as () => Promise<void>)()
    await expect(fetch(info.scriptUrl)).rejects.toThrow()
  })

  it('joins the emulator with-widgent-emulator started, and never stops it', async () => {
    const parent = await startWidgentEmulator()
    try {
      for (const [name, value] of Object.entries(parent.env)) vi.stubEnv(name, value)
      const handlers: Record<string, unknown> = {}
      const config = await widgentEmulatorTasks(
        ((event: string, handler: unknown) => (handlers[event] = handler)) as never,
        { env: {} },
      )
      expect(config.env.widgentEmulator.url).toBe(parent.url)
      expect(handlers['after:run']).toBeUndefined()
    } finally {
      await parent.close()
    }
  })
})

describe('the Playwright fixture', () => {
  const [fixture, options] = widgentFixtures.widgentEmulator

  it('is worker-scoped and hands the tests the emulator the webServer entry started, with its log', async () => {
    expect(options).toEqual({ scope: 'worker' })
    const parent = await startWidgentEmulator()
    try {
      for (const [name, value] of Object.entries(parent.env)) vi.stubEnv(name, value)
      let used: Awaited<Parameters<Parameters<typeof fixture>[1]>[0]> | undefined
      await fixture({}, async (value) => void (used = value))
      expect(used).toMatchObject({ url: parent.url, scriptUrl: parent.scriptUrl, productId: 'demo-product' })
      expect(await used!.log()).toMatchObject({ tokens: [], scriptLoads: 0 })
    } finally {
      await parent.close()
    }
  })

  it('says how to start one when there is none', async () => {
    clearEnv()
    await expect(fixture({}, async () => {})).rejects.toThrow(
      'No Widgent emulator: put widgentEmulator() from @widgent/testing/playwright first in webServer',
    )
  })
})
