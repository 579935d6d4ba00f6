import { describe, expect, it } from 'vitest'
import { ADA, authSpec, GRACE, openSignedOut, submitCredentials, waitForIdentified } from './support/authSpec'
import { useAuthApp } from './support/useAuthApp'

/**
 * The Auth.js recipe in SvelteKit as an app (playground/authjs-sveltekit): `@auth/sveltekit` with the Credentials
 * provider, the user loaded in the root layout, the token route asking `event.locals.auth()`; built with adapter-node
 * and served with `node build`.
 */
describe('Auth.js in SvelteKit: @auth/sveltekit, adapter-node, server-rendered', () => {
  const app = useAuthApp('authjs-sveltekit')

  authSpec(app, {
    ada: ADA,
    grace: GRACE,
    signIn: (tab, person) => submitCredentials(tab, person),
    signOut: (tab) => tab.app.click('Sign out'),
    tellsOtherTabs: false,
  })

  it('renders the session user on the server; the kit starts from it, and hydration keeps the markup', async () => {
    const tab = await openSignedOut(app)
    await submitCredentials(tab, ADA)
    await waitForIdentified(tab, ADA)
    const html = await (await tab.page.request.get(app.url)).text()
    expect(html).toContain('<span class="who">Signed in as Ada Lovelace</span>')
    expect(html).toMatch(/<p data-testid="status" data-widget="idle" data-identity="unknown"/)

    await tab.page.reload()
    await waitForIdentified(tab, ADA)
    expect(await tab.app.keptFirstStatus()).toBe(true)
    expect(tab.troubles()).toEqual([])
  })

  it('the same user loaded again (invalidateAll after signing in as Ada once more) costs no token request', async () => {
    const tab = await openSignedOut(app)
    await submitCredentials(tab, ADA)
    await waitForIdentified(tab, ADA)
    const since = Date.now()
    const reloaded = tab.page.waitForResponse((response) => new URL(response.url()).pathname.endsWith('/__data.json'))
    await submitCredentials(tab, ADA)
    expect((await reloaded).status()).toBe(200)
    await tab.app.waitForStatus({ identity: 'identified', user: 'ada' })
    expect(tab.tokenAnswers(since)).toEqual([])
    expect(tab.onErrors()).toEqual([])
  })

  it("the token route asks Auth.js for the session: 401 without one, and only the session's user with one", async () => {
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
