import { describe, expect, it } from 'vitest'
import { checkFacadeSwitch } from './support/checkFacadeSwitch'
import type { AppPage } from './support/openApp'
import { setFaults } from './support/setFaults'
import { useNextApp, type NextAppUnderTest } from './support/useNextApp'

/** Console lines a clean load must not have: errors, warnings, and any word of hydration. */
const troubles = (page: AppPage) =>
  page.consoleLines.filter((line) => /^\[(error|warning|pageerror)\]/.test(line) || /hydrat/i.test(line))

/** What a person does with the Next.js app, built and started as a user would: the same for both bundlers. */
function nextSpec(app: NextAppUnderTest, bundler: string) {
  const tokensFor = (userId: string, since = 0) =>
    app.emulator.log().tokens.filter((token) => token.userId == userId && token.at >= since)
  const openSignedOut = async () => {
    const page = await app.open()
    await page.waitForStatus({ widget: 'ready', identity: 'anonymous' })
    await page.waitForPanel('anonymous')
    return page
  }
  const signInAs = async (page: AppPage, button: 'Ada' | 'Grace', name: string, id: string) => {
    await page.click(`Sign in as ${button}`)
    await page.waitForSignedInAs(`Signed in as ${name}`)
    await page.waitForStatus({ identity: 'identified', user: id })
    await page.waitForPanel(id)
  }

  it('renders on the server and hydrates with one script, one init and no warning', async () => {
    console.log(`next build (${bundler}): ${(app.buildMs / 1000).toFixed(1)} s`)
    const html = await (await fetch(app.url)).text()
    expect(html).toContain('<strong>Widgent playground · Next.js</strong>')
    expect(html).toContain('<span class="who">Signed out</span>')
    expect(html).toMatch(/<p data-testid="status" data-widget="idle" data-identity="unknown"[^>]*>/)

    const page = await openSignedOut()
    expect(await page.scriptTags()).toBe(1)
    expect(await page.widgetInits()).toBe(1)
    expect(app.emulator.log()).toMatchObject({ scriptLoads: 1, inits: [{ productId: 'demo-product' }], tokens: [] })
    // Hydration adopted the server's elements instead of rendering new ones.
    expect(await page.keptFirstStatus()).toBe(true)
    expect(troubles(page)).toEqual([])
  })

  it('signs in as Ada, switches to Grace and signs out: the widget follows, and Ada gets nothing after the switch', async () => {
    const page = await openSignedOut()
    await signInAs(page, 'Ada', 'Ada Lovelace', 'ada')
    expect(await page.send('Hello from Ada')).toBe('Hi Ada Lovelace! You said: "Hello from Ada"')

    const switchedAt = Date.now()
    const answersBefore = (await page.answers()).length
    await signInAs(page, 'Grace', 'Grace Hopper', 'grace')
    expect(await page.send('Hello from Grace')).toBe('Hi Grace Hopper! You said: "Hello from Grace"')
    expect(tokensFor('ada', switchedAt)).toEqual([])
    expect((await page.answers()).slice(answersBefore).map((answer) => answer.identity)).not.toContain('ada')
    const shown = (await page.panelIdentities()).map((change) => change.identity)
    expect(shown.slice(shown.lastIndexOf('ada') + 1)).not.toContain('ada')

    const signedOutAt = Date.now()
    await page.click('Sign out')
    await page.waitForSignedInAs('Signed out')
    await page.waitForStatus({ identity: 'anonymous', user: '' })
    await page.waitForPanel('anonymous')
    expect(await page.send('Who am I?')).toMatch(/anonymously/)
    expect(app.emulator.log().tokens.filter((token) => token.at >= signedOutAt)).toEqual([])
    expect(app.emulator.log().messages.map((message) => message.identity)).toEqual(['ada', 'grace', 'anonymous'])
    expect(await page.scriptTags()).toBe(1)
    expect(await page.widgetInits()).toBe(1)
    expect(troubles(page)).toEqual([])
  })

  it('reload: the server renders the session user, and the kit starts as that user, never anonymous', async () => {
    const page = await openSignedOut()
    await signInAs(page, 'Ada', 'Ada Lovelace', 'ada')
    const [cookie] = await page.page.context().cookies()
    expect(cookie).toMatchObject({ name: 'playground_next_session', httpOnly: true })
    // What the server sends this browser: Ada signed in, and the kit not yet started (not anonymous).
    const html = await (await page.page.request.get(app.url)).text()
    expect(html).toContain('<span class="who">Signed in as Ada Lovelace</span>')
    expect(html).toMatch(/<p data-testid="status" data-widget="idle" data-identity="unknown" data-user=""/)

    const reloadedAt = Date.now()
    await page.page.reload()
    await page.waitForStatus({ widget: 'ready', identity: 'identified', user: 'ada' })
    await page.waitForPanel('ada')
    // From the server's HTML on, the status line never showed anonymous, and the widget's first answer was Ada's.
    const statuses = await page.statusIdentities()
    expect(statuses[0]).toBe('unknown')
    expect(statuses).not.toContain('anonymous')
    expect((await page.answers()).map((answer) => answer.identity)).toEqual(['ada'])
    // (The emulator's panel says anonymous from the moment it mounts until the widget has any answer: not the kit's.)
    const shown = (await page.panelIdentities()).map((change) => change.identity)
    expect(shown.slice(shown.indexOf('ada'))).toEqual(['ada'])
    expect(tokensFor('ada', reloadedAt)).toHaveLength(1)
    expect(await page.keptFirstStatus()).toBe(true)
    expect(await page.scriptTags()).toBe(1)
    expect(await page.widgetInits()).toBe(1)
    expect(troubles(page)).toEqual([])

    // And signed out, the reload comes back signed out.
    await page.click('Sign out')
    await page.waitForStatus({ identity: 'anonymous' })
    await page.page.reload()
    await page.waitForSignedInAs('Signed out')
    await page.waitForStatus({ widget: 'ready', identity: 'anonymous' })
    expect(await page.page.context().cookies()).toEqual([])
  })

  it("the kit's errors reach onError from configureWidgent in instrumentation-client.ts, and Retry recovers", async () => {
    await setFaults(app.emulator.url, { script: '404' })
    const page = await app.open()
    await page.waitForStatus({ widget: 'error', error: 'script-load' })
    await expect.poll(() => page.consoleLines).toContain('[info] [widgent] onError: script-load')
    await setFaults(app.emulator.url, null)
    await page.click('Retry')
    await page.waitForStatus({ widget: 'ready', identity: 'anonymous', error: '' })
    expect(await page.scriptTags()).toBe(1)
    expect(await page.widgetInits()).toBe(1)
  })

  it('the Eager / Facade switch: the facade loads nothing until its click, which opens the widget for Ada', () =>
    checkFacadeSwitch(app))
}

for (const bundler of ['turbopack', 'webpack'] as const) {
  describe(`the Next.js playground: next build (${bundler}) + next start`, () => {
    nextSpec(useNextApp(bundler), bundler)
  })
}
