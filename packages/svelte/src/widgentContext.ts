import { getContext, setContext } from 'svelte'
import { WidgentError } from '@widgent/core'
import type { Widgent } from './createWidgent'

const key = Symbol('widgent')

/** Share `widgent` with this component's children. Call it while the component initialises. */
export const setWidgentContext = (widgent: Widgent): Widgent => setContext(key, widgent)

/** The Widgent a parent component shared with `setWidgentContext`. */
export function getWidgentContext(): Widgent {
  const widgent = getContext<Widgent | undefined>(key)
  if (!widgent) {
    throw new WidgentError(
      'config',
      __DEV__ &&
        'getWidgentContext() needs setWidgentContext(createWidgent(options)) in a parent component, e.g. your root layout.',
    )
  }
  return widgent
}
