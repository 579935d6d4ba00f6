import { Injectable } from '@angular/core'
import { auth, type AuthState } from '@widgent/playground-shared'
import { distinctUntilChanged, map, Observable } from 'rxjs'

/**
 * The demo auth client as an Angular auth library shapes it (Auth0's `user$`, angular-auth-oidc-client's
 * `userData$`): observables of the session, the user `undefined` while it loads.
 */
@Injectable({ providedIn: 'root' })
export class PlaygroundAuth {
  readonly state$ = new Observable<AuthState>((subscriber) => auth.subscribe((state) => subscriber.next(state)))
  readonly user$ = this.state$.pipe(
    map((state) => state.user),
    distinctUntilChanged(),
  )
  readonly signIn = auth.signIn
  readonly signOut = auth.signOut
}
