import type { UserMetadata, WidgentUser } from '@widgent/token-request'

// One WidgentUser for the browser kit and the server: declared beside the token request's rules, which both share.
export type { UserMetadata, WidgentUser }

export interface CreateUserTokenInput {
  /** Defaults to `process.env.WIDGENT_PRODUCT_ID`, then `NEXT_PUBLIC_WIDGENT_PRODUCT_ID` (the same public id). */
  productId?: string
  /** Defaults to `process.env.WIDGENT_VERIFICATION_SECRET`. Server-side only. */
  verificationSecret?: string
  userId: string
  name?: string
  metadata?: UserMetadata
}

export interface CreateUserTokenOptions {
  /** Defaults to `process.env.WIDGENT_API_URL`, then `https://api.widgent.app`. */
  apiUrl?: string
  /** Defaults to the global `fetch`. */
  fetch?: typeof fetch
  /** Defaults to 10 000 ms, reading the answer included. */
  timeoutMs?: number
}

export interface UserToken {
  token: string
  /** ms since the epoch, when Widgent says. */
  expiresAt?: number
}

type MaybePromise<T> = T | Promise<T>

/** How a token route reaches Widgent: `createUserToken`'s input defaults and options. */
export interface TokenSourceOptions extends CreateUserTokenOptions {
  productId?: string
  verificationSecret?: string
  /** Called with every failure the route answers 5xx to. Defaults to `console.error` of the message (never the secret). */
  onError?(error: unknown): void
}

/** What the token routes need: who is signed in (null or undefined when nobody is), and how to reach Widgent. */
export interface TokenRouteOptions<Args extends unknown[]> extends TokenSourceOptions {
  getUser(...args: Args): MaybePromise<WidgentUser | null | undefined>
}
