import { existsSync } from 'node:fs'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { chromium, type Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest'
import { DEMO_PRODUCT } from './DEMO_PRODUCT'
import { mintToken, useEmulator } from './test/useEmulator'

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync']

let browser: Browser
beforeAll(async () => {
  if (!existsSync(CHROMIUM)) throw new Error(`No Chromium at ${CHROMIUM}: apt-get install chromium, or set CHROMIUM_PATH.`)
  browser = await chromium.launch({ executablePath: CHROMIUM, args: FLAGS })
})
afterAll(() => browser?.close())

/** A page on its own loopback port that loads the widget the way the seed's Step 2 does, with a token route. */
async function servePage(emulatorUrl: string) {
  const server = createServer(async (req, res) => {
    if (req.url == '/api/widgent-token') {
      res.writeHead(200, { 'Content-Type': 'application/json' })
      return void res.end(JSON.stringify({ token: (await mintToken(emulatorUrl)).token }))
    }
    res.writeHead(200, { 'Content-Type': 'text/html' })
    res.end(`<!doctype html><title>page</title><script src="${emulatorUrl}/widget.js"></script><script>
      window.widgent.init({ productId: 'demo-product', serviceKey: 'demo-service-key' })
      window.addEventListener('widgent:ready', () => {
        window.widgent('setIdentityTokenFetcher', async () => {
          const res = await fetch('/api/widgent-token')
          if (!res.ok) return ''
          const { token } = await res.json()
          return token
        })
      })
    </script>`)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  onTestFinished(() => new Promise<void>((resolve) => server.close(() => resolve())))
  return (server.address() as AddressInfo).port
}

describe('the widget in Chromium', () => {
  it("follows the seed's Step 2 from a registered origin: ready, identified, and answered by name", async () => {
    const emulator = await useEmulator()
    const port = await servePage(emulator.url)
    const page = await browser.newPage()
    onTestFinished(() => page.close())
    await page.goto(`http://localhost:${port}/`)
    const panel = page.locator('widgent-panel')
    await expect.poll(() => panel.getAttribute('data-identity')).toBe('ada-1')
    expect(await panel.getAttribute('data-name')).toBe('Ada')
    expect(await panel.boundingBox()).toMatchObject({ width: 300 })
    await panel.locator('input').fill('hello from Chromium')
    await panel.locator('button').click()
    await expect.poll(() => panel.locator('li[data-from="agent"]').textContent()).toBe('Hi Ada! You said: "hello from Chromium"')
    expect(emulator.log().messages).toMatchObject([{ identity: 'ada-1', origin: `http://localhost:${port}` }])
  })

  it("refuses an origin the product did not register: the browser's own CORS check blocks init", async () => {
    const emulator = await useEmulator({ products: [{ ...DEMO_PRODUCT, origins: ['http://localhost:*'] }] })
    const port = await servePage(emulator.url)
    const page = await browser.newPage()
    onTestFinished(() => page.close())
    const errors: string[] = []
    page.on('console', (message) => void (message.type() == 'error' && errors.push(message.text())))
    await page.goto(`http://127.0.0.1:${port}/`)
    await expect.poll(() => errors.find((text) => text.startsWith('Widgent: init failed'))).toMatch(/http:\/\/127\.0\.0\.1:\d+ is registered/)
    expect(await page.evaluate(() => (window as unknown as { widgent: { ready: boolean } }).widgent.ready)).toBe(false)
    expect(await page.locator('widgent-panel').count()).toBe(0)
    expect(emulator.log().rejected).toMatchObject([{ path: '/v1/widget/config', status: 403 }])
  })
})
