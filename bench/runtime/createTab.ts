import type { Browser, Page } from 'playwright-core'
import type { DemoUserId } from '@widgent/test-utils/demo'

export interface Tab {
  page: Page
  /** Navigates to `url` with no cookies but, when `user` is given, the session cookie of that user. */
  open(url: string, user?: DemoUserId): Promise<void>
  close(): Promise<void>
}

/**
 * One browser context and page, reused from one bench page to the next: a new page costs Chromium a renderer
 * process, which takes most of a second on a busy machine.
 */
export async function createTab(browser: Browser): Promise<Tab> {
  const context = await browser.newContext()
  const page = await context.newPage()
  page.on('pageerror', (error) => console.error(`${page.url()}: ${error.message}`))
  return {
    page,
    async open(url, user) {
      await context.clearCookies()
      if (user) await context.addCookies([{ name: 'bench_user', value: user, url }])
      await page.goto(url)
    },
    close: () => context.close(),
  }
}
