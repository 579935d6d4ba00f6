import { describe, expect, it } from 'vitest'
import { appSpec } from './support/appSpec'
import { facadeSpec } from './support/facadeSpec'
import { useApp } from './support/useApp'

describe('the React playground (Vite dev build, StrictMode)', () => {
  const app = useApp('react')
  appSpec(app)
  describe('the launcher facade (?launcher=facade)', () => facadeSpec(app))

  it('StrictMode: one script, one init, and one token request per sign-in', async () => {
    const page = await app.open()
    await page.waitForStatus({ widget: 'ready', identity: 'anonymous' })
    const requests = (userId: string) =>
      app.backend.tokenRequests().filter((request) => request.userId == userId && request.at >= start)
    const start = Date.now()

    await page.click('Sign in as Ada')
    await page.waitForPanel('ada')
    await page.click('Sign in as Grace')
    await page.waitForPanel('grace')
    await page.click('Sign out')
    await page.waitForPanel('anonymous')
    await page.click('Sign in as Ada')
    await page.waitForPanel('ada')
    await page.waitForStatus({ identity: 'identified', user: 'ada' })

    expect(requests('ada')).toHaveLength(2)
    expect(requests('grace')).toHaveLength(1)
    expect(app.backend.tokenRequests().filter((request) => request.at >= start)).toHaveLength(3)
    expect(await page.scriptTags()).toBe(1)
    expect(await page.widgetInits()).toBe(1)
    const log = app.emulator.log()
    expect(log.scriptLoads).toBe(1)
    expect(log.inits).toHaveLength(1)
    expect(log.tokens.map((token) => token.userId)).toEqual(['ada', 'grace', 'ada'])
  })
})
