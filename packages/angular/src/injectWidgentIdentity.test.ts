import {
  Component,
  computed,
  createEnvironmentInjector,
  EnvironmentInjector,
  signal,
  type WritableSignal,
} from '@angular/core'
import { TestBed } from '@angular/core/testing'
import type { WidgentOptions, WidgentUser } from '@widgent/core'
import { BehaviorSubject } from 'rxjs'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { injectWidgent, injectWidgentIdentity, provideWidgent } from '@widgent/angular'
import { deferred, flush, jwt, setup, subOf } from '@widgent/test-utils'

afterEach(() => vi.restoreAllMocks())

type User = WidgentUser | null | undefined
const ada = { id: 'ada', name: 'Ada' }
const grace = { id: 'grace', name: 'Grace' }

/** The app's auth state, both ways an Angular auth library gives it: a signal and an observable. */
let auth: { user: WritableSignal<User>; user$: BehaviorSubject<User> }

/** Tells the kit who is signed in from a signal, with a fresh object each time (as auth libraries hand them out). */
@Component({ selector: 'from-signal', template: '<p>{{ state().identity }} {{ state().user?.id ?? "-" }}</p>' })
class FromSignal {
  protected readonly state = injectWidgentIdentity(
    computed(() => {
      const user = auth.user()
      return user && { ...user }
    }),
  )
}

/** The same from an observable. */
@Component({ selector: 'from-observable', template: '<p>{{ state().identity }} {{ state().user?.id ?? "-" }}</p>' })
class FromObservable {
  protected readonly state = injectWidgentIdentity(auth.user$)
}

/** `slots().length` components asking for the same user, every other one from the observable. */
@Component({
  selector: 'test-app',
  imports: [FromSignal, FromObservable],
  template: '@for (slot of slots(); track slot) { @if (slot % 2) { <from-observable /> } @else { <from-signal /> } }',
})
class App {
  readonly slots = signal([0])
}

async function renderApp(options: WidgentOptions, { user, count = 1 }: { user: User; count?: number }) {
  auth = { user: signal(user), user$: new BehaviorSubject(user) }
  TestBed.configureTestingModule({ providers: [provideWidgent(options)] })
  const fixture = TestBed.createComponent(App)
  fixture.componentInstance.slots.set(Array.from({ length: count }, (_, i) => i))
  await fixture.whenStable()
  /** Signs in, out or switches through both sources at once, and lets Angular render. */
  const setUser = async (next: User) => {
    auth.user.set(next)
    auth.user$.next(next)
    await fixture.whenStable()
  }
  const shown = () => [...(fixture.nativeElement as HTMLElement).querySelectorAll('p')].map((p) => p.textContent)
  return { fixture, setUser, shown }
}

describe('injectWidgentIdentity', () => {
  it('login: one token request, and the widget gets the token once auth settles', async () => {
    const { widget, fetchToken, options } = setup()
    const { setUser, shown } = await renderApp(options, { user: undefined, count: 2 })
    await vi.waitFor(() => expect(widget.registrations).toBe(1))
    expect(shown()).toEqual(['unknown -', 'unknown -']) // auth loading: the widget's fetcher waits
    expect(widget.answers).toEqual([])

    await setUser(ada)
    await vi.waitFor(() => expect(shown()).toEqual(['identified ada', 'identified ada']))
    expect(fetchToken).toHaveBeenCalledTimes(1)
    expect(fetchToken.mock.calls[0]![0]).toEqual(ada)
    await vi.waitFor(() => expect(widget.answers.map(subOf)).toEqual(['ada']))
    expect(widget.registrations).toBe(1)
  })

  it('five components asking for the same user (signals and observables) make one token request', async () => {
    const { widget, fetchToken, options } = setup()
    const { shown } = await renderApp(options, { user: ada, count: 5 })
    await vi.waitFor(() => expect(shown()).toEqual(Array(5).fill('identified ada')))
    expect(fetchToken).toHaveBeenCalledTimes(1)
    expect(widget.registrations).toBe(1)
    await vi.waitFor(() => expect(widget.answers.map(subOf)).toEqual(['ada']))
  })

  it('logout: the widget is told again and its fetcher answers anonymous', async () => {
    const { widget, fetchToken, options } = setup()
    const { setUser, shown } = await renderApp(options, { user: ada, count: 2 })
    await vi.waitFor(() => expect(widget.answers.map(subOf)).toEqual(['ada']))

    await setUser(null)
    await vi.waitFor(() => expect(widget.answers).toHaveLength(2))
    expect(widget.answers[1]).toBe('')
    await vi.waitFor(() => expect(shown()).toEqual(['anonymous -', 'anonymous -']))
    expect(fetchToken).toHaveBeenCalledTimes(1)
  })

  it('A -> B: the widget gets B, and never A after the switch, even when A answers late', async () => {
    const { widget, fetchToken, answers, options } = setup()
    const late = deferred<string>()
    answers.push(late.promise)
    const { setUser, shown } = await renderApp(options, { user: ada, count: 2 })
    await vi.waitFor(() => expect(fetchToken).toHaveBeenCalledTimes(1))

    await setUser(grace)
    await vi.waitFor(() => expect(shown()).toEqual(['identified grace', 'identified grace']))
    late.resolve(jwt('ada'))
    await flush()
    expect(widget.answers.map(subOf)).not.toContain('ada')
    expect(subOf(widget.answers.at(-1)!)).toBe('grace')
    expect(fetchToken.mock.calls.map(([user]) => user.id)).toEqual(['ada', 'grace'])
    expect(fetchToken.mock.calls[0]![1].signal.aborted).toBe(true)
  })

  it('the same user in a new object, and loading blips (a token refresh tick, a focus refetch), make no request', async () => {
    const { widget, fetchToken, options } = setup()
    const { setUser, shown } = await renderApp(options, { user: ada, count: 4 })
    await vi.waitFor(() => expect(shown()).toEqual(Array(4).fill('identified ada')))

    for (const user of [{ ...ada }, undefined, { id: 'ada', name: 'Ada L.' }, ada]) await setUser(user)
    await flush()
    expect(shown()).toEqual(Array(4).fill('identified ada'))
    expect(fetchToken).toHaveBeenCalledTimes(1)
    expect(widget.registrations).toBe(1)
  })

  it('stops following the auth state when its component is destroyed', async () => {
    const { options } = setup()
    const { fixture, setUser } = await renderApp(options, { user: ada, count: 2 })
    const { state } = TestBed.runInInjectionContext(() => injectWidgent())
    await vi.waitFor(() => expect(state().identity).toBe('identified'))
    expect(auth.user$.observed).toBe(true)

    fixture.componentInstance.slots.set([])
    await fixture.whenStable()
    expect(auth.user$.observed).toBe(false)
    await setUser(grace)
    await flush()
    expect(state()).toMatchObject({ identity: 'identified', user: ada })
  })

  it('takes an injector outside an injection context, and follows until that injector is destroyed', async () => {
    const { options } = setup()
    TestBed.configureTestingModule({ providers: [provideWidgent(options)] })
    const user = signal<User>(undefined)
    expect(() => injectWidgentIdentity(user)).toThrow(
      /injectWidgentIdentity\(\) can only be used within an injection context/,
    )

    const injector = createEnvironmentInjector([], TestBed.inject(EnvironmentInjector))
    const state = injectWidgentIdentity(user, { injector })
    user.set(ada)
    await vi.waitFor(() => expect(state()).toMatchObject({ identity: 'identified', user: ada }))
    injector.destroy()
    user.set(grace)
    TestBed.tick() // runs every live effect: had this one survived its injector, it would tell the kit about Grace
    await flush()
    expect(state()).toMatchObject({ identity: 'identified', user: ada })
  })
})
