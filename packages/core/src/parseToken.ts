import { WidgentError } from './WidgentError'

export interface ParsedToken {
  token: string
  /** ms epoch, when the token is a JWT with a numeric `exp`; null when its expiry is unknown. */
  expiresAt: number | null
}

/**
 * Check what a token source answered. Any non-empty string is a token: the vendor page promises no format. Its
 * expiry is read from a JWT (decoded, not verified: Widgent verifies the signature), else from `expiresAt` when the
 * token route said (ms); an expired token is refused.
 */
export function parseToken(token: unknown, expiresAtHint?: unknown): ParsedToken {
  if (typeof token != 'string' || !token) {
    throw new WidgentError('invalid-token', __DEV__ && 'Expected { "token": "<the token your backend got from Widgent>" }.')
  }
  const expiresAt = readExpiry(token) ?? (Number.isFinite(expiresAtHint) ? (expiresAtHint as number) : null)
  if (expiresAt !== null && expiresAt <= Date.now()) {
    throw new WidgentError('invalid-token', __DEV__ && 'The token has expired: mint a fresh one per request, and check the server clock.')
  }
  return { token, expiresAt }
}

/** A JWT's `exp` in ms; null for anything else (PASETO, an opaque or dotted signed string, a JWT without `exp`). */
function readExpiry(token: string): number | null {
  const parts = token.split('.')
  if (parts.length != 3) return null
  try {
    const [header, payload] = parts.slice(0, 2).map((part) => JSON.parse(atob(part.replace(/-/g, '+').replace(/_/g, '/'))))
    return typeof header?.alg == 'string' && typeof payload?.exp == 'number' ? payload.exp * 1000 : null
  } catch {
    return null
  }
}
