import type { AddressInfo } from 'node:net'
import express from 'express'
import { afterEach, describe, expect, it, onTestFinished, vi } from 'vitest'
import { DEMO_PRODUCT } from './DEMO_PRODUCT'
import { addVendorTokenRoute } from './__tests__/vendorExpressExample.js'
import { claimsOf } from '@widgent/test-utils'
import { EMULATOR_MODES, sendMessage, useEmulator } from '@widgent/test-utils/emulator'

/** The vendor page's Express app, signed in as `user` by a stand-in for the app's own requireAuth. */
async function vendorApp(emulatorUrl: string, user: Record<string, unknown>) {
  const app = express()
  const requireAuth = (req: express.Request, _res: express.Response, next: express.NextFunction) => {
    Object.assign(req, { user })
    next()
  }
  addVendorTokenRoute(app, requireAuth, emulatorUrl)
  const server = app.listen(0, '127.0.0.1')
  await new Promise((resolve) => server.once('listening', resolve))
  onTestFinished(() => new Promise<void>((resolve) => server.close(() => resolve())))
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`
}

afterEach(() => void vi.unstubAllEnvs())

describe("the vendor page's own Express example against the emulator", () => {
  it.each(EMULATOR_MODES)(
    'gets a token that the message endpoint accepts for that user ($mode)',
    async ({ strict }) => {
      vi.stubEnv('WIDGENT_PRODUCT_ID', DEMO_PRODUCT.productId)
      vi.stubEnv('WIDGENT_VERIFICATION_SECRET', DEMO_PRODUCT.verificationSecret)
      const emulator = await useEmulator({ strict })
      const app = await vendorApp(emulator.url, { id: 'ada-1', name: 'Ada', plan: 'pro' })
      const response = await fetch(`${app}/api/widgent-token`)
      expect(response.status).toBe(200)
      const { token } = await response.json()
      expect(claimsOf(token)).toMatchObject({
        sub: 'ada-1',
        name: 'Ada',
        metadata: { plan: 'pro' },
        pid: 'demo-product',
      })
      const message = await sendMessage(emulator.url, { token, text: 'hi' })
      expect(await message.json()).toEqual({ reply: 'Hi Ada! You said: "hi"', identity: 'ada-1', expired: false })
    },
  )

  it('a user with no name or plan still gets a token (both fields left out)', async () => {
    vi.stubEnv('WIDGENT_PRODUCT_ID', DEMO_PRODUCT.productId)
    vi.stubEnv('WIDGENT_VERIFICATION_SECRET', DEMO_PRODUCT.verificationSecret)
    const emulator = await useEmulator()
    const app = await vendorApp(emulator.url, { id: 'grace-2' })
    const { token } = await (await fetch(`${app}/api/widgent-token`)).json()
    expect(claimsOf(token)).toMatchObject({ sub: 'grace-2', metadata: {} })
  })

  it("takes the example's error path on a wrong secret", async () => {
    vi.stubEnv('WIDGENT_PRODUCT_ID', DEMO_PRODUCT.productId)
    vi.stubEnv('WIDGENT_VERIFICATION_SECRET', 'not-the-secret')
    const emulator = await useEmulator()
    const app = await vendorApp(emulator.url, { id: 'ada-1' })
    const response = await fetch(`${app}/api/widgent-token`)
    expect(response.status).toBe(500)
    expect(await response.json()).toEqual({ error: 'Token generation failed' })
    expect(emulator.log().rejected).toMatchObject([{ status: 401 }])
  })
})
