import { DEFAULT_TOKEN_MAX_AGE_MS, DEFAULT_TOKEN_TIMEOUT_MS } from './constants'
import { fetchFromEndpoint } from './fetchFromEndpoint'
import { inTurn } from './inTurn'
import { keptToken } from './keptToken'
import { parseToken, type ParsedToken } from './parseToken'
import { retry } from './retryer'
import { sleep } from './sleep'
import { WidgentError } from './WidgentError'
import type { WidgentOptions, WidgentUser } from './types'

/** A token and until when (ms epoch, the page's clock) it may be handed out: shared with other tabs and page loads as is. */
export interface FreshToken extends ParsedToken {
  freshUntil: number
}

/** One user's token, as the source holds it: the request under way, then the token while it is fresh. */
interface Held {
  _id: string
  _promise: Promise<FreshToken>
  _controller?: AbortController
  /** Once it arrived. */
  _token?: FreshToken
}

/** Another tab's fresh token for `userId`, if one answers in time; undefined at once when there is no tab to ask. */
export type FromTabs = (userId: string) => Promise<FreshToken | undefined> | undefined

export interface TokenSource {
  /**
   * The token of `user`: the request under way for them or their fresh token, else a new request of `tries` tries
   * (single flight: concurrent callers share one promise per user). Rejects with a `WidgentError`, or with the abort
   * reason once `clear()` dropped it.
   */
  _get(user: WidgentUser, tries?: number): Promise<FreshToken>
  /** The fresh token of `userId`, if the source holds one (or kept one from the last page load). */
  _fresh(userId: string): FreshToken | undefined
  /** Forget what the source holds, aborting a request under way: a sign-out, a change of user, `refresh()`. */
  _clear(): void
  /** Abort a request under way, keeping a fresh token (and the one kept for the next page load): an unmount. */
  _stop(): void
}

/**
 * Single flight and the cache of the current user's token. A new request takes, in order: the token kept from the
 * tab's last page load (`tokenStorage`), a fresh one another tab shares, a request to `fetchToken` or `tokenEndpoint`.
 * Knows no identity state.
 */
export function createTokenSource(options: WidgentOptions, fromTabs: FromTabs): TokenSource {
  const kept = options.tokenStorage == 'sessionStorage' ? keptToken(options.productId) : undefined
  let held: Held | undefined

  const clear = () => {
    held?._controller?.abort()
    held = undefined
    kept?._remove()
  }
  const fresh = (token: FreshToken | undefined) => (token && Date.now() < token.freshUntil ? token : undefined)
  // A token is never handed out in the second half of its remaining life; one of unknown expiry, for tokenMaxAgeMs.
  const stamp = (token: ParsedToken, now = Date.now()): FreshToken => ({
    ...token,
    freshUntil:
      token.expiresAt === null
        ? now + (options.tokenMaxAgeMs ?? DEFAULT_TOKEN_MAX_AGE_MS)
        : (now + token.expiresAt) / 2,
  })
  const request = async (user: WidgentUser, signal: AbortSignal, tries?: number) => {
    // Asked only when another tab is there: a tab alone goes straight on, in the same task.
    const asking = fromTabs(user.id)
    const shared = asking && fresh(await asking)
    signal.throwIfAborted()
    const token = shared ?? stamp(await retry(() => attempt(options, user, signal), signal, tries))
    kept?._write(user.id, token)
    return token
  }

  return {
    _get(user, tries) {
      if (held?._id == user.id && (!held._token || fresh(held._token))) return held._promise
      clear()
      const controller = new AbortController()
      const next: Held = { _id: user.id, _controller: controller, _promise: undefined! }
      // Tabs that need the same user's token at once take turns: the first asks its route, each after it finds that
      // token in the other tabs.
      next._promise = inTurn(`widgent:${options.productId}:${user.id}`, controller.signal, () =>
        request(user, controller.signal, tries),
      ).then(
        (token) => (next._token = token),
        (error) => {
          // A failure is not kept: whether it stands is the caller's to decide.
          if (held == next) held = undefined
          throw error
        },
      )
      return (held = next)._promise
    },
    _fresh(userId) {
      if (held?._id == userId) return fresh(held._token)
      // A page load's first look: the token this tab kept for the same user, taken as held.
      const token = kept?._read(userId)
      if (token) {
        held?._controller?.abort()
        held = { _id: userId, _token: token, _promise: Promise.resolve(token) }
      }
      return token
    },
    _clear: clear,
    _stop() {
      if (!held?._token) {
        held?._controller?.abort()
        held = undefined
      }
    },
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
      options.fetchToken
        ? options.fetchToken(user, { signal: controller.signal })
        : fetchFromEndpoint(options.tokenEndpoint, controller.signal),
      sleep(timeoutMs, controller.signal).then(() => {
        throw new WidgentError('token-fetch', __DEV__ && `No token within ${timeoutMs} ms.`)
      }),
    ])
    // An answer for a request dropped meanwhile (its user left) is nobody's.
    signal.throwIfAborted()
    // The endpoint's answer is parsed where its expiresAt and Date are read; a fetchToken answers the token alone.
    return options.fetchToken ? parseToken(answer) : (answer as ParsedToken)
  } catch (error) {
    throw error instanceof WidgentError || signal.aborted
      ? error
      : new WidgentError('token-fetch', __DEV__ && String(error))
  } finally {
    controller.abort()
  }
}
