import { assertInInjectionContext, inject, type Injector } from '@angular/core'
import { WidgentError } from '@widgent/core'
import { devMode } from './devMode'
import { WIDGENT, type InjectedWidgent } from './WIDGENT'

/**
 * The app's client and its state as a read-only signal. Call it in an injection context (a constructor, a field
 * initializer, a provider's factory), or anywhere with `{ injector }`.
 */
export function injectWidgent({ injector }: { injector?: Injector } = {}): InjectedWidgent {
  if (!injector) assertInInjectionContext(injectWidgent)
  const widgent = injector ? injector.get(WIDGENT, null) : inject(WIDGENT, { optional: true })
  if (!widgent) throw new WidgentError('config', devMode() && 'injectWidgent() needs provideWidgent(options) in your app\'s providers (app.config.ts).')
  return widgent
}
