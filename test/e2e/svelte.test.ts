import { describe, expect, it } from 'vitest'
import { appSpec } from './support/appSpec'
import { facadeSpec } from './support/facadeSpec'
import { useApp } from './support/useApp'

describe('the SvelteKit playground', () => {
  const app = useApp('svelte')
  appSpec(app)
  describe('the launcher facade (?launcher=facade)', () => facadeSpec(app))

  it('renders the header and the status on the server, then hydrates them with no error or warning', async () => {
    const html = await (await fetch(app.url)).text()
    expect(html).toContain('<strong>Widgent playground · Svelte</strong>')
    expect(html).toContain('Sign in as Ada</button>')
    expect(html).toMatch(
      /<p data-testid="status" data-widget="idle" data-identity="unknown"[^>]*>Widget not started · identity: waiting for auth<\/p>/,
    )

    const page = await app.open()
    await page.waitForStatus({ widget: 'ready', identity: 'anonymous' })
    await page.click('Sign in as Ada')
    await page.waitForPanel('ada')
    // Hydration adopted the server's elements instead of rendering new ones.
    expect(await page.keptFirstStatus()).toBe(true)
    expect(
      page.consoleLines.filter((line) => /^\[(error|warning|pageerror)\]/.test(line) || /hydrat/i.test(line)),
    ).toEqual([])
  })
})
