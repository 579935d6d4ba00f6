import { WidgentError } from './WidgentError'

export interface ParsedToken {
  token: string
  /** ms epoch in the page's clock: when the token expires, counted from its arrival; null when unknown. */
  expiresAt: number | null
}

/**
 * Check what a token source answered. Any non-empty string is a token: the vendor page promises no format. Its
 * expiry is read from a JWT's `exp` (decoded, not verified: Widgent verifies the signature), else from `expiresAt`
 * when the token route said (ms), and judged by the service's time, never by the page's clock alone, which may be
 * hours off: the token's life is its expiry less the latest service time known (the JWT's `iat`, the token route's
 * `Date` header: `serverNow`), counted from now. The page's clock serves only when the service said no time.
 */
export function parseToken(token: unknown, expiresAtHint?: unknown, serverNow?: number): ParsedToken {
  if (typeof token != 'string' || !token) {
    throw new WidgentError(
      'invalid-token',
      __DEV__ && 'Expected { "token": "<the token your backend got from Widgent>" }.',
    )
  }
  const now = Date.now()
  const claims = readClaims(token)
  const expiry = claims ? claims.exp * 1000 : Number.isFinite(expiresAtHint) ? (expiresAtHint as number) : null
  if (expiry === null) return { token, expiresAt: null }
  // The latest service time known, in ms (0: the service told none, so the page's clock is all there is).
  const issued = claims && typeof claims.iat == 'number' ? claims.iat * 1000 : 0
  const serviceNow = Math.max(issued, serverNow || 0)
  const life = expiry - (serviceNow || now)
  if (life <= 0) throw new WidgentError('invalid-token', __DEV__ && expiredBy(serviceNow, issued))
  return { token, expiresAt: now + life }
}

/** Which clock said the token was dead on arrival, and what to do about it. */
const expiredBy = (serviceNow: number, issued: number) =>
  !serviceNow
    ? "The token has expired by this page's clock (the token route sent no Date header): mint a fresh one per request, or check this device's clock."
    : serviceNow === issued
      ? 'The token expires no later than its own iat: mint a fresh one per request on your server.'
      : "The token has expired by the token route's clock (its Date header): mint a fresh one per request, and check that server's clock."

/** A JWT's `exp` and `iat` (s); null for anything else (PASETO, an opaque or dotted signed string, a JWT without `exp`). */
function readClaims(token: string): { exp: number; iat?: number } | null {
  const parts = token.split('.')
  if (parts.length != 3) return null
  try {
    const [header, payload] = parts
      .slice(0, 2)
      .map((part) => JSON.parse(atob(part.replace(/-/g, '+').replace(/_/g, '/'))))
    return typeof header?.alg == 'string' && typeof payload?.exp == 'number' ? payload : null
  } catch {
    return null
  }
}
