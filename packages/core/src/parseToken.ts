import { WidgentError } from './WidgentError'

/**
 * Check what a token source answered and read its expiry (decoded, not verified: Widgent verifies the
 * signature). An opaque token is accepted with no expiry.
 */
export function parseToken(token: unknown): { token: string; expiresAt: number | null } {
  let expiresAt: unknown = null
  if (typeof token != 'string' || !/^[\w.~+/=-]+$/.test(token)) {
    throw new WidgentError('invalid-token', __DEV__ && 'Expected { "token": "<the token your backend got from Widgent>" }.')
  }
  const [, payload, signature] = token.split('.')
  if (signature) {
    try {
      expiresAt = JSON.parse(atob(payload!.replace(/-/g, '+').replace(/_/g, '/'))).exp * 1e3
    } catch {}
    // NaN (no exp claim) fails this too.
    if (!((expiresAt as number) > Date.now())) {
      throw new WidgentError('invalid-token', __DEV__ && 'The token is expired or not a valid JWT: mint a fresh one per request.')
    }
  }
  return { token, expiresAt: expiresAt as number | null }
}
