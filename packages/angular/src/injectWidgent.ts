import type { Injector } from '@angular/core'
import { WidgentError } from '@widgent/core'
import { injectorOf } from './injectorOf'
import { WIDGENT, type InjectedWidgent } from './WIDGENT'

/**
 * The app's client and its state as a read-only signal. Call it in an injection context (a constructor, a field
 * initializer, a provider's factory), or anywhere with `{ injector }`.
 */
export function injectWidgent({ injector }: { injector?: Injector } = {}): InjectedWidgent {
  const widgent = injectorOf(injector, injectWidgent).get(WIDGENT, null)
  if (!widgent) {
    throw new WidgentError(
      'config',
      (typeof ngDevMode == 'undefined' || !!ngDevMode) &&
        "injectWidgent() needs provideWidgent(options) in your app's providers (app.config.ts).",
    )
  }
  return widgent
}
