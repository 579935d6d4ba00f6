import { beforeAll, describe, expect, it } from 'vitest'
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
import { delayResponses } from './support/delayResponses'
import { useAuthApp } from './support/useAuthApp'

/**
 * The better-auth recipe as an app (playground/better-auth): Express 5 with better-auth's own handler and
 * `@widgent/server`'s route, a Vite React 19 SPA with `better-auth/react`, built with `vite build`.
 */
describe('better-auth: Express 5 and a React SPA with better-auth/react', () => {
  const app = useAuthApp('better-auth')
  // better-auth gives each account an id of its own when it is made.
  const ada: Person = { ...ADA, id: '' }
  const grace: Person = { ...GRACE, id: '' }

  beforeAll(async () => {
    // The accounts exist before the tests, as a real app's users do: made through better-auth's own sign-up route.
    for (const person of [ada, grace]) {
      const response = await fetch(`${app.url}api/auth/sign-up/email`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Origin: app.url.slice(0, -1) },
        body: JSON.stringify({ name: person.name, email: person.email, password: person.password }),
      })
      expect(response.status).toBe(200)
      person.id = (await response.json()).user.id
    }
  })

  authSpec(app, {
    ada,
    grace,
    signIn: (tab, person) => submitCredentials(tab, person),
    signOut: (tab) => tab.app.click('Sign out'),
    tellsOtherTabs: true,
  })

  it('creates an account: the widget knows the new user by the id better-auth gave them, after one token request', async () => {
    const tab = await openSignedOut(app)
    const linus = { name: 'Linus Torvalds', email: 'linus@example.com', password: 'linus-password-1' }
    await tab.page.getByLabel('Name (to create an account)').fill(linus.name)
    await submitCredentials(tab, { ...linus, id: '' }, 'Create account')
    await tab.app.waitForSignedInAs('Signed in as Linus Torvalds')
    const id = (await tab.app.status()).user
    expect(id).not.toMatch(new RegExp(`^(|${ada.id}|${grace.id})$`))
    await waitForIdentified(tab, { ...linus, id })
    expect(await tab.app.send('Hello')).toBe('Hi Linus Torvalds! You said: "Hello"')
    expect(tab.tokenAnswers().map((answer) => answer.status)).toEqual([200])
    expect(tab.onErrors()).toEqual([])
    expect(tab.troubles()).toEqual([])
  })

  it("better-auth's own refetch (the tab seen again) sets isRefetching, not isPending, and costs no token request", async () => {
    const tab = await openSignedOut(app)
    await submitCredentials(tab, ada)
    await waitForIdentified(tab, ada)
    // Every line the header shows from here on: a pending session would say "Checking session…".
    await tab.page.evaluate(() => {
      const who = document.querySelector('header .who')!
      const seen = ((window as { __who?: string[] }).__who = [who.textContent!])
      new MutationObserver(() => seen.push(who.textContent!)).observe(who, {
        childList: true,
        characterData: true,
        subtree: true,
      })
    })
    const since = Date.now()
    const refetched = tab.page.waitForResponse(
      (response) => new URL(response.url()).pathname == '/api/auth/get-session',
    )
    await tab.page.evaluate(() => document.dispatchEvent(new Event('visibilitychange')))
    expect((await refetched).status()).toBe(200)

    await tab.app.waitForStatus({ identity: 'identified', user: ada.id })
    expect(await tab.page.evaluate(() => (window as { __who?: string[] }).__who)).toEqual([`Signed in as ${ada.name}`])
    expect(tab.tokenAnswers(since)).toEqual([])
    expect(tab.onErrors()).toEqual([])
  })

  it("signs out with two tabs open, 20 times, the clicking tab's session answer 0-500 ms late: no 401 logged, no onError, in either tab", async () => {
    const clicking = await openSignedOut(app)
    const other = await app.openTab(clicking)
    await other.app.waitForStatus({ widget: 'ready', identity: 'anonymous' })
    const SIGN_OUTS = 20
    for (let round = 0; round < SIGN_OUTS; round++) {
      await submitCredentials(clicking, ada)
      await waitForIdentified(clicking, ada)
      // The other tab learns of a sign-in when it loads (better-auth tells other tabs of sign-outs only).
      await other.page.reload()
      await waitForIdentified(other, ada)

      // better-auth tells the other tab through storage at once; the clicking tab's own session answer comes late.
      const lateBy = Math.round((round * 500) / (SIGN_OUTS - 1))
      const undelay = await delayResponses(clicking.page, '**/api/auth/get-session*', lateBy)
      await clicking.app.click('Sign out')
      for (const tab of [clicking, other]) await waitForSignedOut(tab)
      await undelay()
    }
    const summary = [clicking, other].map((tab) => ({
      tab: tab.number,
      tokenRoute401s: tab.tokenAnswers().filter((answer) => answer.status == 401).length,
      logged401s: tab.logged401s().length,
      onErrors: tab.onErrors().length,
    }))
    console.log(`better-auth, ${SIGN_OUTS} sign-outs with two tabs: ${JSON.stringify(summary)}`)
    for (const tab of [clicking, other]) {
      expect(tab.logged401s(), `tab ${tab.number}`).toEqual([])
      expect(tab.onErrors(), `tab ${tab.number}`).toEqual([])
    }
  }, 300_000)
})
