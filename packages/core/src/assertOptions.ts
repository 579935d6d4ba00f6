import { WidgentError } from './WidgentError'
import type { WidgentOptions } from './types'

/** Fail at once on options that can only be a mistake, before anything reaches the page. */
export function assertOptions(options: WidgentOptions): void {
  if (options && 'verificationSecret' in options) {
    throw new WidgentError('config', __DEV__ && 'verificationSecret belongs on your server, never in the browser: mint tokens there with @widgent/server.')
  }
  if (!options?.productId || !options.serviceKey || typeof options.productId + typeof options.serviceKey != 'stringstring') {
    throw new WidgentError('config', __DEV__ && 'productId and serviceKey are required: copy them from the Widgent dashboard (Setup tab).')
  }
  if (options.tokenEndpoint && options.fetchToken) {
    throw new WidgentError('config', __DEV__ && 'Pass tokenEndpoint or fetchToken, not both.')
  }
}
