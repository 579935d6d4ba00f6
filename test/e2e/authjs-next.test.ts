import { describe, expect, it } from 'vitest'
import { ADA, authSpec, GRACE, openSignedOut, submitCredentials, waitForIdentified } from './support/authSpec'
import { useAuthApp } from './support/useAuthApp'

/**
 * The Auth.js recipe in Next.js as an app (playground/authjs-next): next-auth v5 with the Credentials provider, its
 * `SessionProvider` given the server's session, `useSession` telling `@widgent/react/next`, and the token route asking
 * `auth()`; built with `next build` (Turbopack) and served with `next start`.
 */
describe('Auth.js in Next.js: next-auth v5, the App Router, next build + next start', () => {
  const app = useAuthApp('authjs-next')

  authSpec(app, {
    ada: ADA,
    grace: GRACE,
    signIn: (tab, person) => submitCredentials(tab, person),
    signOut: (tab) => tab.app.click('Sign out'),
    tellsOtherTabs: true,
  })

  it("next-auth's own refetch (the tab seen again) keeps the user and costs no token request", async () => {
    const tab = await openSignedOut(app)
    await submitCredentials(tab, ADA)
    await waitForIdentified(tab, ADA)
    const since = Date.now()
    const refetched = tab.page.waitForResponse((response) => new URL(response.url()).pathname == '/api/auth/session')
    await tab.page.evaluate(() => document.dispatchEvent(new Event('visibilitychange')))
    expect((await refetched).status()).toBe(200)
    await tab.app.waitForStatus({ identity: 'identified', user: 'ada' })
    expect(tab.tokenAnswers(since)).toEqual([])
    expect(tab.onErrors()).toEqual([])
  })

  it('the server renders the session, so a reload starts settled: the header names Ada in the HTML', async () => {
    const tab = await openSignedOut(app)
    await submitCredentials(tab, ADA)
    await waitForIdentified(tab, ADA)
    const html = await (await tab.page.request.get(app.url)).text()
    expect(html).toContain('<span class="who">Signed in as Ada Lovelace</span>')
    expect(html).toMatch(/<p data-testid="status" data-widget="idle" data-identity="unknown"/)
  })

  it("the token route asks auth(): 401 without a session, and only the session's user with one", async () => {
    expect((await fetch(`${app.url}api/widgent-token`)).status).toBe(401)
    const tab = await openSignedOut(app)
    await submitCredentials(tab, GRACE)
    await waitForIdentified(tab, GRACE)
    const answer = await tab.page.request.get(`${app.url}api/widgent-token?userId=ada`, {
      headers: { 'X-User-Id': 'ada' },
    })
    expect(answer.status()).toBe(200)
    expect(app.emulator.log().tokens.map((token) => token.userId)).toEqual(['grace', 'grace'])
  })
})
