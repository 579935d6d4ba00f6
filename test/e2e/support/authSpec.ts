import { expect, it } from 'vitest'
import { ACCOUNTS } from '@widgent/playground-shared/accounts'
import type { AuthAppUnderTest, AuthTab } from './useAuthApp'

/** Someone with an account in the app under test. */
export interface Person {
  name: string
  email: string
  password: string
  /** The auth library's id for them: the widget's user id. Known by the time the tests run. */
  id: string
}

/** Ada and Grace, as the apps' accounts have them (better-auth gives them ids of its own when they sign up). */
export const [ADA, GRACE] = ACCOUNTS.map((account): Person => ({ ...account })) as [Person, Person]

/** How a person signs in and out of the app under test: its own form and buttons, as a user would. */
export interface AuthFlows {
  ada: Person
  grace: Person
  /** Signs `person` in from the app's page, whoever is signed in; resolves once the app shows them. */
  signIn(tab: AuthTab, person: Person): Promise<void>
  /** Signs out from the app's page; resolves once the click is made. */
  signOut(tab: AuthTab): Promise<void>
  /**
   * Whether the library tells the app's other tabs of a sign-out (better-auth and next-auth do); when it does not
   * (SvelteKit's page data, loaded with the page), the other tab's header still names the user, and only the kit follows.
   */
  tellsOtherTabs: boolean
}

/** Fills the app's email and password form and presses its button. */
export async function submitCredentials(tab: AuthTab, person: Person, button = 'Sign in'): Promise<void> {
  await tab.page.getByLabel('Email', { exact: true }).fill(person.email)
  await tab.page.getByLabel('Password', { exact: true }).fill(person.password)
  await tab.app.click(button)
}

/** The app loaded and settled signed out: the widget ready and anonymous. */
export async function openSignedOut(app: AuthAppUnderTest): Promise<AuthTab> {
  const tab = await app.open()
  await tab.app.waitForSignedInAs('Signed out')
  await tab.app.waitForStatus({ widget: 'ready', identity: 'anonymous' })
  await tab.app.waitForPanel('anonymous')
  return tab
}

/** The app says `person` is signed in, and so do the kit and the widget. */
export async function waitForIdentified(tab: AuthTab, person: Person): Promise<void> {
  await tab.app.waitForSignedInAs(`Signed in as ${person.name}`)
  await tab.app.waitForStatus({ identity: 'identified', user: person.id, error: '' })
  await tab.app.waitForPanel(person.id)
}

/** The app says signed out, the kit is anonymous (not an error), and so is the widget. */
export async function waitForSignedOut(tab: AuthTab): Promise<void> {
  await tab.app.waitForSignedInAs('Signed out')
  await tab.app.waitForStatus({ identity: 'anonymous', user: '' })
  await tab.app.waitForPanel('anonymous')
}

/**
 * What every auth app must do with the kit, whatever the library: sign in and reload, switch users, and sign out with
 * two tabs open, counting token requests (the browser's view of the token route) and `onError` calls.
 */
export function authSpec(app: AuthAppUnderTest, flows: AuthFlows) {
  const { signIn, signOut } = flows
  const tokensFor = (userId: string, since = 0) =>
    app.emulator.log().tokens.filter((token) => token.userId == userId && token.at >= since)

  it('signs in, then reloads: the widget knows Ada after one token request each time, never anonymous after the reload', async () => {
    const { ada } = flows
    const tab = await openSignedOut(app)
    await signIn(tab, ada)
    await waitForIdentified(tab, ada)
    expect(await tab.app.send('Hello from Ada')).toBe('Hi Ada Lovelace! You said: "Hello from Ada"')
    expect(app.emulator.log().messages).toMatchObject([{ identity: ada.id, text: 'Hello from Ada', expired: false }])
    expect(tab.tokenAnswers().map((answer) => answer.status)).toEqual([200])

    const reloadedAt = Date.now()
    await tab.page.reload()
    await waitForIdentified(tab, ada)
    // Until the app knows the user the kit waits for it, and the widget's first answer is Ada's token.
    expect(await tab.app.statusIdentities()).not.toContain('anonymous')
    expect((await tab.app.answers()).map((answer) => answer.identity)).toEqual([ada.id])
    expect(tab.tokenAnswers(reloadedAt).map((answer) => answer.status)).toEqual([200])
    expect(tokensFor(ada.id, reloadedAt)).toHaveLength(1)
    expect(await tab.app.scriptTags()).toBe(1)
    expect(await tab.app.widgetInits()).toBe(1)
    expect(tab.onErrors()).toEqual([])
    expect(tab.troubles()).toEqual([])
  })

  it('switches from Ada to Grace: one token request, and no token, answer or panel for Ada after the switch', async () => {
    const { ada, grace } = flows
    const tab = await openSignedOut(app)
    await signIn(tab, ada)
    await waitForIdentified(tab, ada)
    const switchedAt = Date.now()
    await signIn(tab, grace)
    await waitForIdentified(tab, grace)
    expect(await tab.app.send('Hello from Grace')).toBe('Hi Grace Hopper! You said: "Hello from Grace"')
    expect(tokensFor(ada.id, switchedAt)).toEqual([])
    expect(tab.tokenAnswers(switchedAt).map((answer) => answer.status)).toEqual([200])
    expect(
      (await tab.app.answers()).filter((answer) => answer.at >= switchedAt).map((answer) => answer.identity),
    ).not.toContain(ada.id)
    const shown = (await tab.app.panelIdentities()).map((change) => change.identity)
    expect(shown.slice(shown.lastIndexOf(ada.id) + 1)).not.toContain(ada.id)
    expect(tab.onErrors()).toEqual([])
    expect(tab.troubles()).toEqual([])
  })

  it('signs out with two tabs open: both anonymous, no onError in either tab, nothing minted after; no 401 where the library tells its tabs', async () => {
    const { ada } = flows
    const clicking = await openSignedOut(app)
    await signIn(clicking, ada)
    await waitForIdentified(clicking, ada)
    const other = await app.openTab(clicking)
    await waitForIdentified(other, ada)

    const signedOutAt = Date.now()
    await signOut(clicking)
    await waitForSignedOut(clicking)
    if (flows.tellsOtherTabs) await waitForSignedOut(other)
    else {
      await other.app.waitForStatus({ identity: 'anonymous', error: '' })
      await other.app.waitForPanel('anonymous')
      expect(await other.app.signedInAs()).toBe(`Signed in as ${ada.name}`)
    }
    expect(app.emulator.log().tokens.filter((token) => token.at >= signedOutAt)).toEqual([])
    for (const tab of [clicking, other]) {
      expect(await tab.app.send('Who am I?'), `tab ${tab.number}`).toMatch(/anonymously/)
      // Where the library does not tell its other tabs, that tab's kit asks its own route once, 3 s after the hint
      // (its app still names the user): Chromium logs that one 401 itself, and the kit takes it as the sign-out it is.
      const routeAsked = tab === other && !flows.tellsOtherTabs ? 1 : 0
      expect(tab.logged401s(), `tab ${tab.number}`).toHaveLength(routeAsked)
      expect(tab.onErrors(), `tab ${tab.number}`).toEqual([])
      expect(
        tab.troubles().filter((line) => !tab.logged401s().includes(line)),
        `tab ${tab.number}`,
      ).toEqual([])
    }
  })
}
