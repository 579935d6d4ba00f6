import { InjectionToken, type Signal } from '@angular/core'
import type { WidgentClient, WidgentState } from '@widgent/core'

/** What `provideWidgent` puts in an environment injector: the client and its state as a read-only signal. */
export interface InjectedWidgent {
  client: WidgentClient
  state: Signal<WidgentState>
}

export const WIDGENT = new InjectionToken<InjectedWidgent>('widgent')
