// Apps with zone.js (NgZone change detection) rather than zoneless: its own file, so zone.js patches only it. The kit's
// timers (the script's load timeout, a token request's, the recovery's after a failure, minutes long) must run outside
// Angular's zone, or the app would not be stable until they end.
import 'zone.js'
import { Component, NgZone, provideZoneChangeDetection } from '@angular/core'
import { bootstrapApplication } from '@angular/platform-browser'
import { createWidgent, type WidgentUser } from '@widgent/core'
import { BehaviorSubject } from 'rxjs'
import { afterEach, beforeEach, expect, it, vi } from 'vitest'
import { injectWidgentIdentity, provideWidgent, WidgentLauncher } from '@widgent/angular'
import { deferred, jwt, runScripts, setup, subOf } from '@widgent/test-utils'

const auth = new BehaviorSubject<WidgentUser | null | undefined>(undefined)

@Component({ selector: 'zone-status', template: '<p>{{ state().widget }} {{ state().identity }}</p>' })
class Status {
  protected readonly state = injectWidgentIdentity(auth)
}

@Component({ selector: 'zone-launcher', imports: [WidgentLauncher], template: '<widgent-launcher />' })
class Launcher {}

// zone.js listens for an AbortSignal's abort with the DOM's addEventListener, which jsdom refuses on Node's AbortSignal
// (vitest keeps Node's for fetch): the page's own, as in a browser.
beforeEach(() =>
  vi.stubGlobal(
    'AbortController',
    (globalThis as unknown as { jsdom: { window: typeof globalThis } }).jsdom.window.AbortController,
  ),
)
afterEach(() => vi.unstubAllGlobals())

/** Bootstraps `root` as an app is: its providers made, the client started and its components created in the zone. */
async function bootstrap(root: typeof Status | typeof Launcher, options: object) {
  document.body.innerHTML = `<${root === Status ? 'zone-status' : 'zone-launcher'}></${root === Status ? 'zone-status' : 'zone-launcher'}>`
  const app = await bootstrapApplication(root, {
    providers: [provideZoneChangeDetection(), provideWidgent(options as never)],
  })
  return { app, zone: app.injector.get(NgZone) }
}

// First: the page's widget loader is fresh, so the script's load really waits (and times out) here.
it("the launcher facade's click loads the widget with the load's timeout outside the zone", async () => {
  const { widget, options } = setup({ ready: false, load: 'interaction' as const })
  const { app, zone } = await bootstrap(Launcher, options)
  const button = () => document.querySelector('button')
  expect(button()!.getAttribute('aria-busy')).toBe('false')
  button()!.click()
  await vi.waitFor(() => expect(button()!.getAttribute('aria-busy')).toBe('true'))
  expect(document.querySelectorAll('script')).toHaveLength(1)
  expect(zone.hasPendingMacrotasks).toBe(false)
  await app.whenStable()
  runScripts(widget)
  widget.fireReady()
  await vi.waitFor(() => expect(button()).toBeNull())
  app.destroy()
})

it('renders every state change, and tells the kit who is signed in outside the zone', async () => {
  const { widget, answers, options } = setup()
  // Where each sign-in reaches the client. (Timers cannot tell here: vitest runs native async functions, whose awaits
  // zone.js never follows; the Angular CLI compiles them so that it does.)
  const client = createWidgent(options)
  const inZone: boolean[] = []
  const setUser = client.setUser
  client.setUser = (user) => {
    inZone.push(NgZone.isInAngularZone())
    setUser(user)
  }
  const { app, zone } = await bootstrap(Status, options)
  const text = () => document.querySelector('p')!.textContent
  await vi.waitFor(() => expect(text()).toBe('ready unknown'))

  const token = deferred<string>()
  answers.push(token.promise)
  // As an auth library's callback would: in the zone.
  zone.run(() => auth.next({ id: 'ada' }))
  await vi.waitFor(() => expect(text()).toBe('ready fetching'))
  token.resolve(jwt('ada'))
  await vi.waitFor(() => expect(text()).toBe('ready identified'))
  await vi.waitFor(() => expect(widget.answers.map(subOf)).toEqual(['ada']))
  expect(inZone).toEqual([false, false])
  app.destroy()
})
