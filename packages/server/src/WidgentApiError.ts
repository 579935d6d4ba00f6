/**
 * - `invalid-request`: a field failed validation (before sending: no `status`) or Widgent answered 400/413.
 * - `unauthorized`: 401/403, a wrong verification secret. `not-found`: 404, an unknown product.
 * - `rate-limited`: 429. `upstream`: any other non-2xx answer. `invalid-response`: a 2xx with no token.
 * - `timeout`: no answer within `timeoutMs`. `network`: the request could not be sent.
 */
export type WidgentApiErrorCode =
  | 'invalid-request'
  | 'unauthorized'
  | 'not-found'
  | 'rate-limited'
  | 'upstream'
  | 'invalid-response'
  | 'timeout'
  | 'network'

/** Why `createUserToken` failed. It never carries the verification secret, in its message or anywhere else. */
export class WidgentApiError extends Error {
  override readonly name = 'WidgentApiError'

  constructor(
    message: string,
    readonly code: WidgentApiErrorCode,
    /** The HTTP status Widgent answered; undefined when there was no answer (or the request was never sent). */
    readonly status?: number,
    /** The request field at fault, when one is. */
    readonly field?: string,
  ) {
    super(message)
  }
}

export const codeForStatus = (status: number): WidgentApiErrorCode =>
  status == 400 || status == 413 || status == 422
    ? 'invalid-request'
    : status == 401 || status == 403
      ? 'unauthorized'
      : status == 404
        ? 'not-found'
        : status == 429
          ? 'rate-limited'
          : 'upstream'
