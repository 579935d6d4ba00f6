import { WidgentError } from './WidgentError'
import type { WidgentOptions, WidgentUser } from './types'

const LOADS = ['eager', 'idle', 'interaction', 'manual']

const isId = (value: unknown) => typeof value == 'string' && value != ''

// Every message goes through `__DEV__ &&` where it is written, so production builds drop the text.
const fail = (message: string | false) => new WidgentError('config', message)

/** Fail at once on options that can only be a mistake, before anything reaches the page. */
export function assertOptions(options: WidgentOptions): void {
  if (options && 'verificationSecret' in options) {
    throw fail(
      __DEV__ &&
        'verificationSecret belongs on your server, never in the browser: mint tokens there with @widgent/server.',
    )
  }
  if (!options || !isId(options.productId) || !isId(options.serviceKey)) {
    throw fail(__DEV__ && 'productId and serviceKey are required: copy them from the Widgent dashboard (Setup tab).')
  }
  if (options.tokenEndpoint && options.fetchToken) throw fail(__DEV__ && 'Pass tokenEndpoint or fetchToken, not both.')
  if (options.load && !LOADS.includes(options.load)) throw fail(__DEV__ && `load is one of ${LOADS.join(', ')}.`)
}

/** `setUser`'s argument: a user with a non-empty string id, null (signed out) or undefined (auth loading). */
export function assertUser(user: WidgentUser | null | undefined): void {
  if (user != null && !isId(user.id))
    throw fail(
      __DEV__ && 'setUser takes { id: string, name?, metadata? }, null (signed out) or undefined (auth loading).',
    )
}
