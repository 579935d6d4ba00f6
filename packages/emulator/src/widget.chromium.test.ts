import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest'
import { launchChromium } from '@widgent/test-utils/chromium'
import { DEMO_PRODUCT } from './DEMO_PRODUCT'
import { mintToken, useEmulator } from '@widgent/test-utils/emulator'
import { vendorSnippet } from '@widgent/test-utils/vendorSnippet'

let browser: Browser
beforeAll(async () => {
  browser = await launchChromium()
})
afterAll(() => browser?.close())

/** A page on its own loopback port that loads the widget with the vendor's documented snippet, with a token route. */
async function servePage(emulatorUrl: string) {
  const server = createServer(async (req, res) => {
    if (req.url == '/api/widgent-token') {
      res.writeHead(200, { 'Content-Type': 'application/json' })
      return void res.end(JSON.stringify({ token: (await mintToken(emulatorUrl)).token }))
    }
    res.writeHead(200, { 'Content-Type': 'text/html' })
    res.end(`<!doctype html><title>page</title><script src="${emulatorUrl}/widget.js"></script><script>${vendorSnippet(DEMO_PRODUCT.productId, DEMO_PRODUCT.serviceKey)}</script>`)
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
