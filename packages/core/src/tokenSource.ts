import { DEFAULT_TOKEN_MAX_AGE_MS, DEFAULT_TOKEN_TIMEOUT_MS } from './constants'
import { fetchFromEndpoint } from './fetchFromEndpoint'
import { parseToken, type ParsedToken } from './parseToken'
import { retry } from './retryer'
import { sleep } from './sleep'
import { WidgentError } from './WidgentError'
import type { WidgentOptions, WidgentUser } from './types'

/** One user's token, as the source holds it: the request under way, then the token while it is fresh. */
interface Held {
  _id: string
  _promise: Promise<ParsedToken>
  _controller: AbortController
  /** Once it arrived: the token, and until when (ms epoch, the page's clock) it may be handed out again. */
  _token?: ParsedToken
  _freshUntil: number
}

export interface TokenSource {
  /**
   * The token of `user`: the request under way for them or their fresh token, else a new request of `tries` tries
   * (single flight: concurrent callers share one promise per user). Rejects with a `WidgentError`, or with the abort
   * reason once `clear()` dropped it.
   */
  _get(user: WidgentUser, tries?: number): Promise<ParsedToken>
  /** The fresh token of `userId`, if the source holds one. */
  _fresh(userId: string): ParsedToken | undefined
  /** Forget what the source holds, aborting a request under way: a sign-out, a change of user, `refresh()`. */
  _clear(): void
}

/** Single flight and the cache of the current user's token, over `fetchToken` or `tokenEndpoint`. Knows no identity state. */
export function createTokenSource(options: WidgentOptions): TokenSource {
  let held: Held | undefined

  const clear = () => {
    held?._controller.abort()
    held = undefined
  }
  // A token is never handed out in the second half of its remaining life; one of unknown expiry, for tokenMaxAgeMs.
  const freshUntil = ({ expiresAt }: ParsedToken, now = Date.now()) =>
    expiresAt === null ? now + (options.tokenMaxAgeMs ?? DEFAULT_TOKEN_MAX_AGE_MS) : (now + expiresAt) / 2

  return {
    _get(user, tries) {
      if (held?._id == user.id && (!held._token || Date.now() < held._freshUntil)) return held._promise
      clear()
      const controller = new AbortController()
      const next: Held = { _id: user.id, _controller: controller, _freshUntil: 0, _promise: undefined! }
      next._promise = retry(() => attempt(options, user, controller.signal), controller.signal, tries).then(
        (token) => {
          next._freshUntil = freshUntil(token)
          next._token = token
          return token
        },
        (error) => {
          // A failure is not kept: whether it stands is the caller's to decide.
          if (held == next) held = undefined
          throw error
        },
      )
      return (held = next)._promise
    },
    _fresh: (userId) => (held?._id == userId && held._token && Date.now() < held._freshUntil ? held._token : undefined),
    _clear: clear,
  }
}

/** One try: the token source, cut off after `tokenTimeoutMs`; every failure is a `WidgentError`. */
async function attempt(options: WidgentOptions, user: WidgentUser, signal: AbortSignal): Promise<ParsedToken> {
  const timeoutMs = options.tokenTimeoutMs ?? DEFAULT_TOKEN_TIMEOUT_MS
  // A controller of this try's own, so the try that timed out is aborted too.
  const controller = new AbortController()
  // Removed with this try's controller, which every try aborts once it ends.
  signal.addEventListener('abort', () => controller.abort(), { signal: controller.signal })
  try {
    const answer = await Promise.race([
      options.fetchToken ? options.fetchToken(user, { signal: controller.signal }) : fetchFromEndpoint(options.tokenEndpoint, controller.signal),
      sleep(timeoutMs, controller.signal).then(() => {
        throw new WidgentError('token-fetch', __DEV__ && `No token within ${timeoutMs} ms.`)
      }),
    ])
    // An answer for a request dropped meanwhile (its user left) is nobody's.
    signal.throwIfAborted()
    // The endpoint's answer is parsed where its expiresAt and Date are read; a fetchToken answers the token alone.
    return options.fetchToken ? parseToken(answer) : (answer as ParsedToken)
  } catch (error) {
    throw error instanceof WidgentError || signal.aborted ? error : new WidgentError('token-fetch', __DEV__ && String(error))
  } finally {
    controller.abort()
  }
}
