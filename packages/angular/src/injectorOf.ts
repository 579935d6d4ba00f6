import { assertInInjectionContext, inject, Injector } from '@angular/core'

/**
 * The injector a caller was given, or else the current one: outside an injection context, Angular's error names
 * `caller` (`injectWidgent() can only be used within an injection context…`).
 */
export const injectorOf = (injector: Injector | undefined, caller: (...args: never[]) => unknown): Injector =>
  injector ?? (assertInInjectionContext(caller), inject(Injector))
