import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest'
import { isJwt } from '@widgent/test-utils'
import { launchChromium } from '@widgent/test-utils/chromium'
import { DEMO_PRODUCT } from './DEMO_PRODUCT'
import { EMULATOR_MODES, useEmulator } from '@widgent/test-utils/emulator'
import { serveVendorPage } from './__tests__/serveVendorPage'

let browser: Browser
beforeAll(async () => {
  browser = await launchChromium()
})
afterAll(() => browser?.close())

describe('the widget in Chromium', () => {
  it.each(EMULATOR_MODES)("runs the vendor's documented snippet from a registered origin: ready, identified, and answered by name ($mode)", async ({ strict }) => {
    const emulator = await useEmulator({ strict })
    const port = await serveVendorPage(emulator.url)
    const page = await browser.newPage()
    onTestFinished(() => page.close())
    const warnings: string[] = []
    page.on('console', (message) => void (['warning', 'error'].includes(message.type()) && warnings.push(message.text())))
    await page.goto(`http://localhost:${port}/`)
    const panel = page.locator('widgent-panel')
    await expect.poll(() => panel.getAttribute('data-identity')).toBe('ada-1')
    expect(await panel.getAttribute('data-name')).toBe('Ada')
    expect(await panel.boundingBox()).toMatchObject({ width: 300 })
    // Strict: no `ready` flag, and the page's token is no JWT.
    expect(await page.evaluate(() => 'ready' in (window as unknown as { widgent: object }).widgent)).toBe(!strict)
    const token: string = await page.evaluate(async () => (await (await fetch('/api/widgent-token')).json()).token)
    expect(isJwt(token)).toBe(!strict)
    await panel.locator('input').fill('hello from Chromium')
    await panel.locator('button').click()
    await expect.poll(() => panel.locator('li[data-from="agent"]').textContent()).toBe('Hi Ada! You said: "hello from Chromium"')
    expect(emulator.log().messages).toMatchObject([{ identity: 'ada-1', origin: `http://localhost:${port}` }])
    expect(warnings).toEqual([])
  })

  it("refuses an origin the product did not register: the browser's own CORS check blocks init", async () => {
    const emulator = await useEmulator({ products: [{ ...DEMO_PRODUCT, origins: ['http://localhost:*'] }] })
    const port = await serveVendorPage(emulator.url)
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

  it('strict: drops a command sent before widgent:ready, with a console warning, in a real browser too', async () => {
    const emulator = await useEmulator({ strict: true })
    const port = await serveVendorPage(emulator.url)
    const page = await browser.newPage()
    onTestFinished(() => page.close())
    const warnings: string[] = []
    page.on('console', (message) => void (message.type() == 'warning' && warnings.push(message.text())))
    // Before the page's own scripts: a command the moment the widget defines window.widgent, long before ready.
    await page.addInitScript(() => {
      let widgent: unknown
      Object.defineProperty(window, 'widgent', {
        configurable: true,
        get: () => widgent,
        set(value: (command: string, fetcher: () => Promise<string>) => void) {
          widgent = value
          value('setIdentityTokenFetcher', async () => 'early')
        },
      })
    })
    await page.goto(`http://localhost:${port}/`)
    await expect.poll(() => page.locator('widgent-panel').getAttribute('data-identity')).toBe('ada-1')
    expect(await page.evaluate(() => (window as unknown as { widgent: { __emulator: { dropped: string[] } } }).widgent.__emulator.dropped)).toEqual(['setIdentityTokenFetcher'])
    expect(warnings).toEqual([expect.stringMatching(/"setIdentityTokenFetcher" was sent before widgent:ready, so it is dropped/)])
  })
})
