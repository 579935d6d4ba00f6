import type { Debug } from './debug'
import { DEFAULT_TOKEN_MAX_AGE_MS, DEFAULT_TOKEN_TIMEOUT_MS, RECOVERY_MIN_GAP_MS } from './constants'
import { fetchFromEndpoint } from './fetchFromEndpoint'
import { parseToken, type ParsedToken } from './parseToken'
import { mayRecover, recoveryDelay, retry } from './retryer'
import { sleep } from './sleep'
import { WidgentError } from './WidgentError'
import type { WidgentOptions, WidgentUser } from './types'

/** One user's token: requested, then reused while fresh; a failure stands until it recovers, refresh() or a change of user. */
export interface TokenRequest {
  user: WidgentUser
  status: 'pending' | 'fresh' | 'failed'
  /** The token; '' after a failure; undefined once dropped (its user left, or the client stopped). Never rejects. */
  promise: Promise<string | undefined>
  /** Once fresh: the token, and until when (ms epoch) it may be handed out again. */
  token?: ParsedToken
  freshUntil: number
  /** Once failed: why. */
  error?: WidgentError
  controller: AbortController
}

export interface TokenEvents {
  fetching(): void
  arrived(token: ParsedToken): void
  /** `retryAt`: when the next automatic try is due (null: none will come); `again`: an automatic try failed. */
  failed(error: WidgentError, retryAt: number | null, again: boolean): void
}

/** What makes a failure that stands try again by itself. */
export type RecoveryTrigger = 'timer' | 'online' | 'visible'

export interface TokenSource {
  /** The request for `user`: the current one when it is theirs and not stale, else a new one. */
  get(user: WidgentUser): TokenRequest
  /** Whether `request` is still the one the source holds: nothing dropped or replaced it since. */
  holds(request: TokenRequest): boolean
  /** The fresh token of `userId`, if the source holds one. */
  freshFor(userId: string): ParsedToken | undefined
  /**
   * One more try at a failure that stands: on the backoff's timer or `online` for a failure that may get better
   * (5xx, network, timeout); when the page is seen again for any failure, 401 and a bad token included.
   */
  recover(trigger: RecoveryTrigger): void
  /** Forget a settled token or failure, so the next `get` asks again; a request under way goes on. */
  refresh(): void
  /** Abort and forget everything: a sign-out or a change of user. */
  drop(): void
  /** Abort a request under way and forget a failure, keeping a fresh token: an unmount, with a remount to come. */
  stop(): void
}

/** Single flight, cache, staleness and recovery for the current user's token, over `fetchToken` or `tokenEndpoint`. */
export function createTokenSource(options: WidgentOptions, on: TokenEvents, debug?: Debug): TokenSource {
  let current: TokenRequest | undefined
  // Automatic tries that failed since the last token (the backoff), when the last request started, and the next try.
  let recoveries = 0
  let lastStart = 0
  let recoveryTimer: ReturnType<typeof setTimeout> | undefined

  const forget = () => {
    clearTimeout(recoveryTimer)
    current?.controller.abort()
    current = undefined
    recoveries = 0
  }
  // A stale token is as good as none; a request under way or a failure stands for its user.
  const usable = (request: TokenRequest, userId: string) => request.user.id == userId && (request.status != 'fresh' || Date.now() < request.freshUntil)

  /** A request for `user`; an automatic try (`again`) makes one attempt and leaves the state as it is until it ends. */
  const request = (user: WidgentUser, again = false): TokenRequest => {
    clearTimeout(recoveryTimer)
    lastStart = Date.now()
    const controller = new AbortController()
    const next: TokenRequest = { user, status: 'pending', freshUntil: 0, controller, promise: undefined! }
    __DEV__ && debug!(again ? 'token: an automatic try' : 'token: request', user.id)
    if (!again) on.fetching()
    next.promise = retry(() => attempt(options, user, controller.signal), controller.signal, again ? 1 : undefined).then(
      (token) => {
        if (controller.signal.aborted) {
          __DEV__ && debug!('token: discarded, its user left (or the client stopped)', user.id)
          return undefined
        }
        const now = Date.now()
        // A token of known expiry is never handed out in the second half of its remaining life.
        next.freshUntil = token.expiresAt === null ? now + (options.tokenMaxAgeMs ?? DEFAULT_TOKEN_MAX_AGE_MS) : (now + token.expiresAt) / 2
        next.status = 'fresh'
        next.token = token
        recoveries = 0
        on.arrived(token)
        return token.token
      },
      (error: WidgentError) => {
        if (controller.signal.aborted) return undefined
        next.status = 'failed'
        next.error = error
        let retryAt = null
        if (mayRecover(error)) {
          const delay = recoveryDelay(recoveries++)
          retryAt = Date.now() + delay
          recoveryTimer = setTimeout(() => source.recover('timer'), delay)
        }
        __DEV__ && debug!(`token: failed (${error.code}); ${retryAt ? `next try in ${Math.round((retryAt - Date.now()) / 1000)} s` : 'it stands'}`, error)
        on.failed(error, retryAt, again)
        return ''
      },
    )
    return next
  }

  const source: TokenSource = {
    get(user) {
      if (!current || !usable(current, user.id)) {
        forget()
        current = request(user)
      }
      return current
    },
    holds: (request) => request == current,
    freshFor: (userId) => (current?.status == 'fresh' && usable(current, userId) ? current.token : undefined),
    recover(trigger) {
      if (current?.status != 'failed') return
      if (trigger == 'visible' ? Date.now() - lastStart < RECOVERY_MIN_GAP_MS : !mayRecover(current.error!)) return
      __DEV__ && debug!(`token: trying again (${trigger})`)
      current = request(current.user, true)
    },
    refresh() {
      if (current?.status == 'pending') return
      clearTimeout(recoveryTimer)
      current = undefined
      recoveries = 0
    },
    drop: forget,
    stop() {
      if (current?.status == 'fresh') clearTimeout(recoveryTimer)
      else forget()
    },
  }
  return source
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
    // The endpoint's answer is parsed where its expiresAt is read; a fetchToken answers the token alone.
    return options.fetchToken ? parseToken(answer) : (answer as ParsedToken)
  } catch (error) {
    throw error instanceof WidgentError ? error : new WidgentError('token-fetch', __DEV__ && String(error))
  } finally {
    controller.abort()
  }
}
