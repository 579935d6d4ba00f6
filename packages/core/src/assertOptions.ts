import { WidgentError } from './WidgentError'
import type { WidgentOptions } from './types'

/** Fail at once on options that can only be a mistake, before anything reaches the page. */
export function assertOptions(options: WidgentOptions): void {
  if (
    // Non-empty strings: an empty one reads as the number 0. (Checked first: it also refuses no options at all.)
    typeof (options?.productId || 0) + typeof (options?.serviceKey || 0) != 'stringstring' ||
    'verificationSecret' in options ||
    (options.tokenEndpoint && options.fetchToken)
  ) {
    throw new WidgentError('config', __DEV__ && explain(options))
  }
}

/** Development builds only: which rule `options` broke. */
const explain = (options: WidgentOptions) =>
  options && 'verificationSecret' in options
    ? 'verificationSecret belongs on your server, never in the browser: mint tokens there with @widgent/server.'
    : options?.productId && options.serviceKey && typeof options.productId + typeof options.serviceKey == 'stringstring'
      ? 'Pass tokenEndpoint or fetchToken, not both.'
      : 'productId and serviceKey are required: copy them from the Widgent dashboard (Setup tab).'
