import { gzipSync } from 'node:zlib'
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
  it.each(EMULATOR_MODES)(
    "runs the vendor's documented snippet from a registered origin: ready, identified, and answered by name ($mode)",
    async ({ strict }) => {
      const emulator = await useEmulator({ strict })
      const port = await serveVendorPage(emulator.url)
      const page = await browser.newPage()
      onTestFinished(() => page.close())
      const warnings: string[] = []
      page.on(
        'console',
        (message) => void (['warning', 'error'].includes(message.type()) && warnings.push(message.text())),
      )
      await page.goto(`http://localhost:${port}/`)
      const panel = page.locator('widgent-panel')
      await expect.poll(() => panel.getAttribute('data-identity')).toBe('ada-1')
      expect(await panel.getAttribute('data-name')).toBe('Ada')
      // Strict: no `ready` flag, and the page's token is no JWT.
      expect(await page.evaluate(() => 'ready' in (window as unknown as { widgent: object }).widgent)).toBe(!strict)
      const token: string = await page.evaluate(async () => (await (await fetch('/api/widgent-token')).json()).token)
      expect(isJwt(token)).toBe(!strict)
      await panel.getByRole('button', { name: 'Widgent chat' }).click()
      await panel.locator('input').fill('hello from Chromium')
      await panel.getByRole('button', { name: 'Send' }).click()
      await expect
        .poll(() => panel.locator('li[data-from="agent"]').textContent())
        .toBe('Hi Ada! You said: "hello from Chromium"')
      expect(emulator.log().messages).toMatchObject([{ identity: 'ada-1', origin: `http://localhost:${port}` }])
      expect(warnings).toEqual([])
    },
  )

  it('puts its launcher 20 px from the bottom-right corner, 56 px round, and the 300 px panel above it; keyboard included', async () => {
    const emulator = await useEmulator()
    const port = await serveVendorPage(emulator.url)
    const page = await browser.newPage({ viewport: { width: 1100, height: 640 } })
    onTestFinished(() => page.close())
    await page.goto(`http://localhost:${port}/`)
    const panel = page.locator('widgent-panel')
    const launcher = panel.getByRole('button', { name: 'Widgent chat' })
    const chat = panel.getByRole('region', { name: 'Widgent chat' })
    await expect.poll(() => panel.getAttribute('data-identity')).toBe('ada-1')
    const corner = { x: 1100 - 20 - 56, y: 640 - 20 - 56, width: 56, height: 56 }
    expect(await launcher.boundingBox()).toEqual(corner)
    // The host element is the launcher's box, so it is visible (to Playwright and to users' own tests) while closed.
    expect(await panel.boundingBox()).toEqual(corner)
    expect(await launcher.evaluate((button) => getComputedStyle(button).borderRadius)).toBe('50%')
    expect([await panel.getAttribute('data-open'), await chat.isVisible()]).toEqual(['false', false])
    // Tab reaches the launcher; Enter opens the panel with the focus in its input; Escape closes it again.
    await page.keyboard.press('Tab')
    expect(
      await launcher.evaluate(
        (button) =>
          button.getRootNode() instanceof ShadowRoot && (button.getRootNode() as ShadowRoot).activeElement == button,
      ),
    ).toBe(true)
    await page.keyboard.press('Enter')
    expect([
      await panel.getAttribute('data-open'),
      await chat.isVisible(),
      await launcher.getAttribute('aria-expanded'),
    ]).toEqual(['true', true, 'true'])
    const box = (await chat.boundingBox())!
    expect([box.x + box.width, box.y + box.height, box.width]).toEqual([1100 - 20, 640 - 88, 300])
    await page.keyboard.type('typed, not clicked')
    await page.keyboard.press('Enter')
    await expect
      .poll(() => panel.locator('li[data-from="agent"]').textContent())
      .toBe('Hi Ada! You said: "typed, not clicked"')
    await page.keyboard.press('Escape')
    expect([await panel.getAttribute('data-open'), await chat.isVisible()]).toEqual(['false', false])
    expect(await launcher.evaluate((button) => (button.getRootNode() as ShadowRoot).activeElement == button)).toBe(true)
    // The identity stays on the host while closed.
    expect(await panel.getAttribute('data-identity')).toBe('ada-1')
  })

  it('the weight knob: the page fetches scriptBytes of script and runs one task of at least startupMs', async () => {
    const measure = async (weight?: { scriptBytes: number; startupMs: number }) => {
      const emulator = await useEmulator({ weight })
      const port = await serveVendorPage(emulator.url)
      const page = await browser.newPage()
      onTestFinished(() => page.close())
      await page.addInitScript(() => {
        const tasks: number[] = ((window as unknown as { __longTasks: number[] }).__longTasks = [])
        new PerformanceObserver((list) => list.getEntries().forEach((entry) => tasks.push(entry.duration))).observe({
          type: 'longtask',
          buffered: true,
        })
      })
      const script = page.waitForResponse((response) => response.url().endsWith('/widget.js'))
      await page.goto(`http://localhost:${port}/`)
      const body = await (await script).body()
      await expect.poll(() => page.locator('widgent-panel').getAttribute('data-identity')).toBe('ada-1')
      const longest = Math.max(
        0,
        ...(await page.evaluate(() => (window as unknown as { __longTasks: number[] }).__longTasks)),
      )
      return { bytes: body.length, gzip: gzipSync(body, { level: 9 }).length, longest, text: body.toString() }
    }
    const light = await measure()
    const heavy = await measure({ scriptBytes: 300_000, startupMs: 150 })
    console.log(
      `widget.js as served: ${light.bytes} B (${light.gzip} B gzip), longest task ${light.longest} ms; ` +
        `weight { scriptBytes: 300000, startupMs: 150 }: ${heavy.bytes} B (${heavy.gzip} B gzip), longest task ${heavy.longest} ms`,
    )
    expect(heavy.bytes).toBe(300_000)
    expect(heavy.gzip).toBeGreaterThan(200_000)
    // One task holds the whole busy loop (a long task's duration is rounded to the millisecond).
    expect(heavy.longest).toBeGreaterThanOrEqual(149)
    // Without the knob the widget has no start-up work to busy-wait (its figure, printed above, moves with the
    // machine's load), and costs no task a user would notice.
    expect(light.text).toContain('"startupMs":0')
    expect(heavy.text).toContain('"startupMs":150')
    expect(light.longest).toBeLessThan(1000)
    expect(light.bytes).toBeLessThan(20_000)
  })

  it("refuses an origin the product did not register: the browser's own CORS check blocks init", async () => {
    const emulator = await useEmulator({ products: [{ ...DEMO_PRODUCT, origins: ['http://localhost:*'] }] })
    const port = await serveVendorPage(emulator.url)
    const page = await browser.newPage()
    onTestFinished(() => page.close())
    const errors: string[] = []
    page.on('console', (message) => void (message.type() == 'error' && errors.push(message.text())))
    await page.goto(`http://127.0.0.1:${port}/`)
    await expect
      .poll(() => errors.find((text) => text.startsWith('Widgent: init failed')))
      .toMatch(/http:\/\/127\.0\.0\.1:\d+ is registered/)
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
    expect(
      await page.evaluate(
        () => (window as unknown as { widgent: { __emulator: { dropped: string[] } } }).widgent.__emulator.dropped,
      ),
    ).toEqual(['setIdentityTokenFetcher'])
    expect(warnings).toEqual([
      expect.stringMatching(/"setIdentityTokenFetcher" was sent before widgent:ready, so it is dropped/),
    ])
  })
})
