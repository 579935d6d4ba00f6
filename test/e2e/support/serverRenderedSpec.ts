import { expect, it } from 'vitest'
import type { AppPage } from './openApp'
import type { AppUnderTest } from './useApp'

export interface ServerRendered {
  /** Console lines about hydration that mean trouble in this framework (errors and warnings always do). */
  hydrationTrouble: RegExp
  /** Hydration adopts the server's status line after a reload too, not only on the first visit. */
  keepsStatusOnReload?: boolean
}

/** The emulator's tokens for `userId`, minted at or after `since`. */
export const tokensFor = (app: AppUnderTest, userId: string, since = 0) =>
  app.emulator.log().tokens.filter((token) => token.userId == userId && token.at >= since)

/** Console lines that would mean trouble: errors, warnings, and what `hydrationTrouble` matches. */
export const troublesIn = (page: AppPage, hydrationTrouble: RegExp) =>
  page.consoleLines.filter((line) => /^\[(error|warning|pageerror)\]/.test(line) || hydrationTrouble.test(line))

/** Loads (or reloads) the page until the widget is ready: one script tag and one init in it, every time. */
export async function loadReady(page: AppPage, signedInAs: string): Promise<void> {
  await page.waitForSignedInAs(signedInAs)
  await page.waitForStatus({ widget: 'ready' })
  expect(await page.scriptTags()).toBe(1)
  expect(await page.widgetInits()).toBe(1)
}

/**
 * A server-rendered app (Nuxt, Angular with SSR) through a session: sign in, switch to Grace, sign out, with reloads
 * that keep the session through the server render and hydration; no hydration warning, one script and one init per load.
 */
export function serverRenderedSession(
  app: AppUnderTest,
  { hydrationTrouble, keepsStatusOnReload = false }: ServerRendered,
) {
  const troubles = (page: AppPage) => troublesIn(page, hydrationTrouble)

  it('signs in, switches to Grace, signs out; reloads keep the session; no hydration warning, one script and one init', async () => {
    const page = await app.open()
    await loadReady(page, 'Signed out')
    await page.waitForStatus({ identity: 'anonymous' })
    await page.waitForPanel('anonymous')
    // Hydration adopted the server's status line instead of rendering a new one.
    expect(await page.keptFirstStatus()).toBe(true)

    await page.click('Sign in as Ada')
    await page.waitForStatus({ identity: 'identified', user: 'ada' })
    await page.waitForPanel('ada')
    expect(await page.send('Hello from Ada')).toBe('Hi Ada Lovelace! You said: "Hello from Ada"')
    expect(tokensFor(app, 'ada')).toHaveLength(1)

    const switchedAt = Date.now()
    await page.click('Sign in as Grace')
    await page.waitForStatus({ identity: 'identified', user: 'grace' })
    await page.waitForPanel('grace')
    expect(tokensFor(app, 'ada', switchedAt)).toEqual([])
    expect(tokensFor(app, 'grace')).toHaveLength(1)
    const shown = (await page.panelIdentities()).map((change) => change.identity)
    expect(shown.slice(shown.lastIndexOf('ada') + 1)).not.toContain('ada')

    // The session is the backend's cookie: a reload brings Grace back, through the server render and hydration.
    await page.page.reload()
    await loadReady(page, 'Signed in as Grace Hopper')
    await page.waitForStatus({ identity: 'identified', user: 'grace' })
    await page.waitForPanel('grace')
    if (keepsStatusOnReload) expect(await page.keptFirstStatus()).toBe(true)

    const signedOutAt = Date.now()
    await page.click('Sign out')
    await page.waitForStatus({ identity: 'anonymous', user: '' })
    await page.waitForPanel('anonymous')
    expect(await page.send('Who am I?')).toMatch(/anonymously/)
    expect(app.emulator.log().tokens.filter((token) => token.at >= signedOutAt)).toEqual([])

    await page.page.reload()
    await loadReady(page, 'Signed out')
    await page.waitForStatus({ identity: 'anonymous' })
    // Three page loads: three scripts and three inits, one each.
    expect(app.emulator.log()).toMatchObject({ scriptLoads: 3, inits: [{}, {}, {}] })
    expect(troubles(page)).toEqual([])
  })
}
