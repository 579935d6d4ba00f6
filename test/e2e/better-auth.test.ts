import { beforeAll, describe, expect, it } from 'vitest'
import { delayResponses } from './support/delayResponses'
import { useAuthApp, type AuthTab } from './support/useAuthApp'

interface Person {
  name: string
  email: string
  password: string
  /** better-auth's id for them, known once they have signed up. */
  id: string
}

/**
 * The better-auth recipe as an app (playground/better-auth): Express 5 with better-auth's own handler and
 * `@widgent/server`'s route, a Vite React 19 SPA with `better-auth/react`, built with `vite build`.
 */
describe('better-auth: Express 5 and a React SPA with better-auth/react', () => {
  const app = useAuthApp('better-auth')
  const ada: Person = { name: 'Ada Lovelace', email: 'ada@example.com', password: 'ada-password-1', id: '' }
  const grace: Person = { name: 'Grace Hopper', email: 'grace@example.com', password: 'grace-password-1', id: '' }

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

  const openSignedOut = async () => {
    const tab = await app.open()
    await tab.app.waitForSignedInAs('Signed out')
    await tab.app.waitForStatus({ widget: 'ready', identity: 'anonymous' })
    await tab.app.waitForPanel('anonymous')
    return tab
  }
  const fillAndPress = async (tab: AuthTab, person: Omit<Person, 'id'>, button: 'Sign in' | 'Create account') => {
    if (button == 'Create account') await tab.page.getByLabel('Name (to create an account)').fill(person.name)
    await tab.page.getByLabel('Email', { exact: true }).fill(person.email)
    await tab.page.getByLabel('Password', { exact: true }).fill(person.password)
    await tab.app.click(button)
  }
  const waitForIdentified = async (tab: AuthTab, person: Person) => {
    await tab.app.waitForSignedInAs(`Signed in as ${person.name}`)
    await tab.app.waitForStatus({ identity: 'identified', user: person.id, error: '' })
    await tab.app.waitForPanel(person.id)
  }
  const signIn = async (tab: AuthTab, person: Person) => {
    await fillAndPress(tab, person, 'Sign in')
    await waitForIdentified(tab, person)
  }
  const tokensFor = (userId: string, since = 0) => app.emulator.log().tokens.filter((token) => token.userId == userId && token.at >= since)

  it('creates an account: the widget knows the new user by the id better-auth gave them, after one token request', async () => {
    const tab = await openSignedOut()
    const linus = { name: 'Linus Torvalds', email: 'linus@example.com', password: 'linus-password-1' }
    await fillAndPress(tab, linus, 'Create account')
    await tab.app.waitForSignedInAs('Signed in as Linus Torvalds')
    const id = (await tab.app.status()).user
    expect(id).not.toMatch(/^(|ada|grace)$/)
    await waitForIdentified(tab, { ...linus, id })
    expect(await tab.app.send('Hello')).toBe('Hi Linus Torvalds! You said: "Hello"')
    expect(tab.tokenAnswers().map((answer) => answer.status)).toEqual([200])
    expect(tab.onErrors()).toEqual([])
    expect(tab.troubles()).toEqual([])
  })

  it('signs in, then reloads: Ada again after one token request, never anonymous, a clean console', async () => {
    const tab = await openSignedOut()
    await signIn(tab, ada)
    expect(tab.tokenAnswers().map((answer) => answer.status)).toEqual([200])

    const reloadedAt = Date.now()
    await tab.page.reload()
    await waitForIdentified(tab, ada)
    // better-auth is pending as the page starts: the kit waits for it instead of answering anonymous.
    expect(await tab.app.statusIdentities()).not.toContain('anonymous')
    expect((await tab.app.answers()).map((answer) => answer.identity)).toEqual([ada.id])
    expect(tab.tokenAnswers(reloadedAt).map((answer) => answer.status)).toEqual([200])
    expect(tokensFor(ada.id, reloadedAt)).toHaveLength(1)
    expect(await tab.app.scriptTags()).toBe(1)
    expect(await tab.app.widgetInits()).toBe(1)
    expect(tab.onErrors()).toEqual([])
    expect(tab.troubles()).toEqual([])
  })

  it("better-auth's own refetch (the tab seen again) is a refetch, not a sign-out: isRefetching, no token request", async () => {
    const tab = await openSignedOut()
    await signIn(tab, ada)
    // Every line the header shows from here on: a pending session would say "Checking session…".
    await tab.page.evaluate(() => {
      const who = document.querySelector('header .who')!
      const seen = ((window as { __who?: string[] }).__who = [who.textContent!])
      new MutationObserver(() => seen.push(who.textContent!)).observe(who, { childList: true, characterData: true, subtree: true })
    })
    const since = Date.now()
    const refetched = tab.page.waitForResponse((response) => new URL(response.url()).pathname == '/api/auth/get-session')
    await tab.page.evaluate(() => document.dispatchEvent(new Event('visibilitychange')))
    expect((await refetched).status()).toBe(200)

    await tab.app.waitForStatus({ identity: 'identified', user: ada.id })
    expect(await tab.page.evaluate(() => (window as { __who?: string[] }).__who)).toEqual([`Signed in as ${ada.name}`])
    expect(tab.tokenAnswers(since)).toEqual([])
    expect(tab.onErrors()).toEqual([])
  })

  it('switches from Ada to Grace without signing out: one token request, none for Ada after the switch', async () => {
    const tab = await openSignedOut()
    await signIn(tab, ada)
    const switchedAt = Date.now()
    await signIn(tab, grace)
    expect(await tab.app.send('Hello from Grace')).toBe('Hi Grace Hopper! You said: "Hello from Grace"')
    expect(tokensFor(ada.id, switchedAt)).toEqual([])
    expect(tab.tokenAnswers(switchedAt).map((answer) => answer.status)).toEqual([200])
    const shown = (await tab.app.panelIdentities()).map((change) => change.identity)
    expect(shown.slice(shown.lastIndexOf(ada.id) + 1)).not.toContain(ada.id)
    expect(tab.onErrors()).toEqual([])
    expect(tab.troubles()).toEqual([])
  })

  it(
    "signs out with two tabs open, 20 times, the clicking tab's session answer 0-500 ms late: no 401 logged, no onError, in either tab",
    async () => {
      const clicking = await openSignedOut()
      const other = await app.openTab(clicking)
      await other.app.waitForStatus({ widget: 'ready', identity: 'anonymous' })
      const SIGN_OUTS = 20
      for (let round = 0; round < SIGN_OUTS; round++) {
        await signIn(clicking, ada)
        // The other tab learns of a sign-in when it loads (better-auth tells other tabs of sign-outs only).
        await other.page.reload()
        await waitForIdentified(other, ada)

        // better-auth tells the other tab through storage at once; the clicking tab's own session answer comes late.
        const lateBy = Math.round((round * 500) / (SIGN_OUTS - 1))
        const undelay = await delayResponses(clicking.page, '**/api/auth/get-session*', lateBy)
        await clicking.app.click('Sign out')
        for (const tab of [clicking, other]) {
          await tab.app.waitForSignedInAs('Signed out')
          await tab.app.waitForStatus({ identity: 'anonymous', user: '' })
          await tab.app.waitForPanel('anonymous')
        }
        await undelay()
      }
      const summary = [clicking, other].map((tab) => ({
        tab: tab.number,
        tokenAnswers401: tab.tokenAnswers().filter((answer) => answer.status == 401).length,
        logged401s: tab.logged401s().length,
        onErrors: tab.onErrors().length,
      }))
      console.log(`better-auth, ${SIGN_OUTS} sign-outs with two tabs: ${JSON.stringify(summary)}`)
      for (const tab of [clicking, other]) {
        expect(tab.logged401s(), `tab ${tab.number}`).toEqual([])
        expect(tab.onErrors(), `tab ${tab.number}`).toEqual([])
      }
    },
    300_000,
  )
})
