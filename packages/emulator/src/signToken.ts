import { createHmac } from 'node:crypto'
import type { UserMetadata } from './types'

const JWT_HEADER = Buffer.from(JSON.stringify({ alg: 'HS256', typ: 'JWT' })).toString('base64url')

/**
 * The first part of a strict-mode token: not a JSON header, so the token is no JWT and nothing but the widget
 * (which knows its own format) reads an expiry from it. The vendor page never says its tokens are JWTs.
 */
export const OPAQUE_PREFIX = 'wgt1'

export interface TokenClaims {
  sub: string
  name?: string
  metadata?: UserMetadata
  /** The product it was minted for. */
  pid: string
  /** Issued and expiry times, in whole seconds since the epoch. */
  iat: number
  exp: number
}

/**
 * A signed token: an HS256 JWT, or in strict mode `wgt1.<base64url JSON>.<base64url HMAC-SHA256>` whose payload
 * names its times `issuedAt` and `expiresAt` (ms), no JWT claim a decoder would take for an expiry.
 * Only the emulator signs: it plays the Widgent service, which owns the key.
 */
export function signToken(claims: TokenClaims, key: Buffer, { strict = false } = {}): string {
  const { sub, name, metadata, pid, iat, exp } = claims
  const [head, payload] = strict
    ? [OPAQUE_PREFIX, { sub, name, metadata, pid, issuedAt: iat * 1000, expiresAt: exp * 1000 }]
    : [JWT_HEADER, { iss: 'widgent-emulator', sub, name, metadata, pid, iat, exp }]
  const body = `${head}.${Buffer.from(JSON.stringify(payload)).toString('base64url')}`
  return `${body}.${createHmac('sha256', key).update(body).digest('base64url')}`
}
