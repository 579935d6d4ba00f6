import {
  DestroyRef,
  inject,
  makeEnvironmentProviders,
  NgZone,
  provideEnvironmentInitializer,
  signal,
  type EnvironmentProviders,
} from '@angular/core'
import { createWidgent, type WidgentOptions } from '@widgent/core'
import { WIDGENT } from './WIDGENT'

/**
 * The Widgent client of an app, for the providers of `app.config.ts`. `options` may be a factory: it runs once per
 * environment injector, in its injection context, so it can `inject()` your configuration. In the browser every
 * injector of a product shares one client (the core's `createWidgent`), which runs from bootstrap until the injector
 * is destroyed; on the server each request gets a client of its own, never started and never told who is signed in.
 */
export function provideWidgent(options: WidgentOptions | (() => WidgentOptions)): EnvironmentProviders {
  return makeEnvironmentProviders([
    {
      provide: WIDGENT,
      useFactory: () => {
        const client = createWidgent(typeof options == 'function' ? options() : options)
        const state = signal(client.getSnapshot())
        const destroyRef = inject(DestroyRef)
        destroyRef.onDestroy(client.subscribe((next) => state.set(next)))
        if (typeof ngServerMode == 'undefined' || !ngServerMode) {
          // Outside zone.js: the kit's timers (load timeout, idle wait, recovery) must not keep the app from being
          // stable. Its state is a signal, so Angular still renders every change.
          destroyRef.onDestroy(inject(NgZone).runOutsideAngular(() => client.mount()))
        }
        return { client, state: state.asReadonly() }
      },
    },
    // Created as the app starts, not at the first inject(): the widget loads as `load` says, whoever asks for it.
    provideEnvironmentInitializer(() => inject(WIDGENT)),
  ])
}
