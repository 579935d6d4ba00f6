import { DestroyRef, effect, NgZone, type Injector, type Signal } from '@angular/core'
import type { WidgentState, WidgentUser } from '@widgent/core'
import { injectWidgent } from './injectWidgent'
import { injectorOf } from './injectorOf'

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
export function injectWidgentIdentity(
  user: Signal<User> | UserObservable,
  options: { injector?: Injector } = {},
): Signal<WidgentState> {
  const injector = injectorOf(options.injector, injectWidgentIdentity)
  const { client, state } = injectWidgent({ injector })
  // Not on the server: a server render never learns who is signed in.
  if (typeof ngServerMode == 'undefined' || !ngServerMode) {
    // Outside zone.js: the token request's timers (and, after a failure, the recovery's, minutes long) must not keep
    // the app from being stable.
    const tell = (next: User) => injector.get(NgZone).runOutsideAngular(() => client.setUser(next))
    // A signal is a function; an observable is an object.
    if (typeof user == 'function') {
      // (What the kit's listeners read may become a dependency too: the same user again is no change to the kit.)
      effect(() => tell(user()), { injector })
    } else {
      const subscription = user.subscribe({ next: tell })
      injector.get(DestroyRef).onDestroy(() => subscription.unsubscribe())
    }
  }
  return state
}
