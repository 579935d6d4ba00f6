export type WidgentErrorCode =
  /** Bad options or input: fix the call. */
  | 'config'
  /** The widget script failed to load (network, 404, Content-Security-Policy). */
  | 'script-load'
  /** The widget script did not fire `widgent:ready` within `loadTimeoutMs`. */
  | 'timeout'
  /** The token endpoint answered 401 or 403: the user is signed out on the server. */
  | 'unauthorized'
  /** The token request failed (5xx, network, timeout) after its retries. */
  | 'token-fetch'
  /** The token source answered something other than a non-empty token string, or an expired token. */
  | 'invalid-token'

/** Every error the kit reports. Check `code`; the message says what to do and links to the README. */
export class WidgentError extends Error {
  override name = 'WidgentError'
  declare readonly code: WidgentErrorCode
  /** The HTTP status, when the error came from a response. */
  declare readonly status?: number

  /** `detail` is the development-build text; production builds keep the code and the link only. */
  constructor(code: WidgentErrorCode, detail?: string | false, status?: number) {
    super(`[widgent] ${code}${detail ? ': ' + detail : ''} (https://github.com/widgent/widgent-kit#error-${code})`)
    this.code = code
    this.status = status
  }
}
