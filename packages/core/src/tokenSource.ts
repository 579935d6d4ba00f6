import { DEFAULT_TOKEN_MAX_AGE_MS, DEFAULT_TOKEN_TIMEOUT_MS } from './constants'
import { fetchFromEndpoint } from './fetchFromEndpoint'
import { parseToken, type ParsedToken } from './parseToken'
import { retry } from './retryer'
import { sleep } from './sleep'
import { WidgentError } from './WidgentError'
import type { WidgentOptions, WidgentUser } from './types'

/** One user's token: requested, then reused while fresh; a failure stands until refresh() or a change of user. */
export interface TokenRequest {
  userId: string
  status: 'pending' | 'fresh' | 'failed'
  /** The token; '' after a failure; undefined once dropped (its user left, or the client stopped). Never rejects. */
  promise: Promise<string | undefined>
  /** Once fresh: the token, and until when (ms epoch) it may be handed out again. */
  token?: ParsedToken
  freshUntil: number
  controller: AbortController
}

export interface TokenEvents {
  fetching(): void
  arrived(token: ParsedToken): void
  failed(error: WidgentError): void
}

export interface TokenSource {
  /** The request for `user`: the current one when it is theirs and not stale, else a new one. */
  get(user: WidgentUser): TokenRequest
  /** Whether `request` is still the one the source holds: nothing dropped or replaced it since. */
  holds(request: TokenRequest): boolean
  /** The fresh token of `userId`, if the source holds one. */
  freshFor(userId: string): ParsedToken | undefined
  /** Forget a settled token or failure, so the next `get` asks again; a request under way goes on. */
  refresh(): void
  /** Abort and forget everything: a sign-out or a change of user. */
  drop(): void
  /** Abort a request under way and forget a failure, keeping a fresh token: an unmount, with a remount to come. */
  stop(): void
}

/** Single flight, cache and staleness for the current user's token, over `fetchToken` or `tokenEndpoint`. */
export function createTokenSource(options: WidgentOptions, on: TokenEvents): TokenSource {
  let current: TokenRequest | undefined

  const forget = () => {
    current?.controller.abort()
    current = undefined
  }
  // A stale token is as good as none; a request under way or a failure stands for its user.
  const usable = (request: TokenRequest, userId: string) => request.userId == userId && (request.status != 'fresh' || Date.now() < request.freshUntil)

  const request = (user: WidgentUser): TokenRequest => {
    const controller = new AbortController()
    const next: TokenRequest = { userId: user.id, status: 'pending', freshUntil: 0, controller, promise: undefined! }
    on.fetching()
    next.promise = retry(() => attempt(options, user, controller.signal), controller.signal).then(
      (token) => {
        if (controller.signal.aborted) return undefined
        const now = Date.now()
        // A token of known expiry is never handed out in the second half of its remaining life.
        next.freshUntil = token.expiresAt === null ? now + (options.tokenMaxAgeMs ?? DEFAULT_TOKEN_MAX_AGE_MS) : (now + token.expiresAt) / 2
        next.status = 'fresh'
        next.token = token
        on.arrived(token)
        return token.token
      },
      (error: WidgentError) => {
        if (controller.signal.aborted) return undefined
        next.status = 'failed'
        on.failed(error)
        return ''
      },
    )
    return next
  }

  return {
    get(user) {
      if (!current || !usable(current, user.id)) {
        forget()
        current = request(user)
      }
      return current
    },
    holds: (request) => request == current,
    freshFor: (userId) => (current?.status == 'fresh' && usable(current, userId) ? current.token : undefined),
    refresh() {
      if (current?.status != 'pending') current = undefined
    },
    drop: forget,
    stop() {
      if (current?.status != 'fresh') forget()
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
      options.fetchToken ? options.fetchToken(user, { signal: controller.signal }) : fetchFromEndpoint(options.tokenEndpoint, controller.signal),
      sleep(timeoutMs, controller.signal).then(() => {
        throw new WidgentError('token-fetch', __DEV__ && `No token within ${timeoutMs} ms.`)
      }),
    ])
    return parseToken(answer)
  } catch (error) {
    throw error instanceof WidgentError ? error : new WidgentError('token-fetch', __DEV__ && String(error))
  } finally {
    controller.abort()
  }
}
