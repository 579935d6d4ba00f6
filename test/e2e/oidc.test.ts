import { describe, expect, it } from 'vitest'
import {
  ADA,
  authSpec,
  GRACE,
  openSignedOut,
  submitCredentials,
  waitForIdentified,
  waitForSignedOut,
  type Person,
} from './support/authSpec'
import { holdsFor } from './support/holdsFor'
import { useAuthApp, type AuthTab } from './support/useAuthApp'

/**
 * An OpenID Connect provider run locally (oidc-provider, as Auth0, Keycloak or Zitadel would be) and a Vite Vue SPA
 * signing in with oidc-client-ts (playground/oidc): the kit's `fetchToken` sends the access token, and the app's
 * token route asks the provider's userinfo endpoint whose it is.
 */
describe('OpenID Connect: oidc-provider, and a Vue SPA with oidc-client-ts', () => {
  const app = useAuthApp('oidc')

  /** The app's button takes the page to the provider's sign-in page; back with a code, the app finishes the sign-in. */
  const signIn = async (tab: AuthTab, person: Person) => {
    const signedIn = (await tab.app.signedInAs())?.startsWith('Signed in')
    await tab.app.click(signedIn ? 'Switch user' : 'Sign in')
    await tab.page.waitForURL((url) => url.pathname.startsWith('/interaction/'))
    await submitCredentials(tab, person)
    await tab.page.waitForURL(app.url)
  }
  const signOut = async (tab: AuthTab) => {
    await tab.app.click('Sign out')
    // The provider asks, as Keycloak does; it then ends its session, revokes the SPA's tokens and sends the page back.
    await tab.app.click('Yes, sign me out')
  }

  authSpec(app, { ada: ADA, grace: GRACE, signIn, signOut, tellsOtherTabs: true })

  it("oidc-client-ts's silent renewals (a new access token every 10 s) keep the user and cost no token request", async () => {
    const tab = await openSignedOut(app)
    await signIn(tab, ADA)
    await waitForIdentified(tab, ADA)
    const since = Date.now()
    // A refresh token grant at the provider's token endpoint, twice: the app's user is a new object each time.
    for (let renewal = 0; renewal < 2; renewal++) {
      const renewed = await tab.page.waitForResponse(
        (response) =>
          new URL(response.url()).pathname == '/token' &&
          response.request().postData()?.includes('grant_type=refresh_token') == true,
        { timeout: 30_000 },
      )
      expect(renewed.status()).toBe(200)
    }
    await tab.app.waitForStatus({ identity: 'identified', user: 'ada', error: '' })
    expect(tab.tokenAnswers(since)).toEqual([])
    expect(tab.onErrors()).toEqual([])
    expect(tab.troubles()).toEqual([])
  }, 90_000)

  it("a sign-out in one tab ends the other tab's silent renewals: it never asks the provider for the user who left", async () => {
    const clicking = await openSignedOut(app)
    await signIn(clicking, ADA)
    await waitForIdentified(clicking, ADA)
    const other = await app.openTab(clicking)
    await waitForIdentified(other, ADA)
    const silent: string[] = []
    other.page.on('request', (request) => {
      if (new URL(request.url()).searchParams.get('prompt') == 'none') silent.push(request.url())
    })
    await signOut(clicking)
    await waitForSignedOut(other)
    // Its access token would have been renewed within 10 s: a renewal of a signed-out user is a hidden frame sent to
    // the provider, which answers "login_required" into the app.
    await holdsFor(15_000, () => {
      expect(silent).toEqual([])
      expect(other.troubles()).toEqual([])
    })
  }, 90_000)

  it("the token route believes the provider, not the request: 401 with no or a forged access token, and the bearer's user only", async () => {
    expect((await fetch(`${app.url}api/widgent-token`)).status).toBe(401)
    expect((await fetch(`${app.url}api/widgent-token`, { headers: { Authorization: 'Bearer forged' } })).status).toBe(
      401,
    )
    const tab = await openSignedOut(app)
    await signIn(tab, GRACE)
    await waitForIdentified(tab, GRACE)
    const accessToken = await tab.page.evaluate(
      () =>
        JSON.parse(localStorage.getItem(Object.keys(localStorage).find((key) => key.startsWith('oidc.user:'))!)!)
          .access_token,
    )
    const answer = await fetch(`${app.url}api/widgent-token?userId=ada`, {
      headers: { Authorization: `Bearer ${accessToken}`, 'X-User-Id': 'ada' },
    })
    expect(answer.status).toBe(200)
    expect(app.emulator.log().tokens.map((token) => token.userId)).toEqual(['grace', 'grace'])
  })
})
