// Tokens for tests, in the two shapes the kit must handle: a JWT (the kit reads its `exp`) and a signed token
// that is not one (opaque to the kit, as the vendor page allows). Unsigned: only the emulator verifies signatures.

const encode = (value: object) => {
  const bytes = new TextEncoder().encode(JSON.stringify(value))
  return btoa(String.fromCharCode(...bytes))
    .replace(/=+$/, '')
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
}
const decode = (part: string): unknown => {
  const text = atob(part.replace(/-/g, '+').replace(/_/g, '/'))
  return JSON.parse(new TextDecoder().decode(Uint8Array.from(text, (char) => char.charCodeAt(0))))
}

/**
 * A JWT for `sub`, expiring `ttlSeconds` after it was issued: at the (possibly fake) now, or at `issuedAt` (ms in the
 * service's clock, for a page whose clock is off); `iat: false` leaves the `iat` claim out.
 */
export function jwt(sub: string, ttlSeconds = 3600, { issuedAt = Date.now(), iat = true } = {}): string {
  const now = Math.floor(issuedAt / 1000)
  return `${encode({ alg: 'HS256', typ: 'JWT' })}.${encode({ sub, ...(iat && { iat: now }), exp: now + ttlSeconds })}.sig`
}

/**
 * A dotted token that is not a JWT (its first part is no JSON header), naming `sub` for the tests only: the shape of
 * the strict emulator's tokens, `wgt1.<base64url JSON>.<signature>`, with no expiry in it.
 */
export function opaqueToken(sub: string): string {
  return `wgt1.${encode({ sub })}.sig`
}

/** The token of `format` for `sub`. */
export const tokenFor = (sub: string, format: 'jwt' | 'opaque' = 'jwt', ttlSeconds?: number): string =>
  format == 'jwt' ? jwt(sub, ttlSeconds) : opaqueToken(sub)

/**
 * The claims in a token's second part: a JWT's payload, the strict emulator's (`{ sub, name?, metadata?, pid,
 * issuedAt, expiresAt }`, times in ms), or what `opaqueToken` put there.
 */
export const claimsOf = (token: string): Record<string, unknown> =>
  decode(token.split('.')[1]!) as Record<string, unknown>

/** The user a token names, whichever of these formats it has; '' for anonymous. */
export const subOf = (token: string): string => (token ? String(claimsOf(token).sub) : '')

/** Whether a token is a JWT: its first part a JSON header with an `alg`, as JWT decoders require. */
export const isJwt = (token: string): boolean => {
  try {
    return typeof (decode(token.split('.')[0]!) as { alg?: unknown }).alg == 'string'
  } catch {
    return false
  }
}

/** When a token expires, in ms since the epoch: a JWT's `exp`, or the strict emulator's `expiresAt`; null when it says not. */
export const expiresAtOf = (token: string): number | null => {
  const { exp, expiresAt } = claimsOf(token)
  return isJwt(token) ? (typeof exp == 'number' ? exp * 1000 : null) : typeof expiresAt == 'number' ? expiresAt : null
}
