import { assertInInjectionContext, DestroyRef, effect, inject, Injector, isSignal, NgZone, PLATFORM_ID, untracked, type Signal } from '@angular/core'
import type { WidgentState, WidgentUser } from '@widgent/core'
import { injectWidgent } from './injectWidgent'

type User = WidgentUser | null | undefined

/** An RxJS `Observable` of the user, or anything else with its `subscribe` (an rxjs `Subscribable`). */
export interface UserObservable {
  subscribe(observer: { next: (user: User) => void }): { unsubscribe(): void }
}

/**
 * Tell the widget who is signed in, from your auth state as a signal or an observable: `undefined` while your auth
 * library loads, `null` when signed out. Any number of components may call it: only a change of user id fetches a
 * token. It follows `user` until its injector (the component, or the one you pass) is destroyed.
 */
export function injectWidgentIdentity(user: Signal<User> | UserObservable, options: { injector?: Injector } = {}): Signal<WidgentState> {
  if (!options.injector) assertInInjectionContext(injectWidgentIdentity)
  const injector = options.injector ?? inject(Injector)
  const { client, state } = injectWidgent({ injector })
  // Not on the server: a server render never learns who is signed in.
  if (injector.get(PLATFORM_ID) == 'browser') {
    // Outside zone.js: the token request's timers (and, after a failure, the recovery's, minutes long) must not keep
    // the app from being stable.
    const tell = (next: User) => injector.get(NgZone).runOutsideAngular(() => client.setUser(next))
    if (isSignal(user)) {
      effect(() => {
        const next = user()
        // Untracked: whatever the kit's listeners read is no dependency of this effect.
        untracked(() => tell(next))
      }, { injector })
    } else {
      const subscription = user.subscribe({ next: tell })
      injector.get(DestroyRef).onDestroy(() => subscription.unsubscribe())
    }
  }
  return state
}
