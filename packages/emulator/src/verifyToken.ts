import { createHmac, timingSafeEqual } from 'node:crypto'
import { OPAQUE_PREFIX } from './signToken'

/** What a genuine token says; `expiresAt` in ms. */
export interface VerifiedClaims {
  sub: string
  name?: string
  pid: unknown
  expiresAt: number
}

export type VerifiedToken = { ok: true; claims: VerifiedClaims } | { ok: false; reason: string }

/** Checks a token's signature with the emulator's key, then reads it in its format (JWT or strict); expiry is the caller's call. */
export function verifyToken(token: string, key: Buffer): VerifiedToken {
  const parts = token.split('.')
  if (parts.length != 3) return { ok: false, reason: 'malformed token: expected three dot-separated parts' }
  const [head, payload, signature] = parts as [string, string, string]
  // Compared as text: decoding first would forgive stray characters.
  const expected = Buffer.from(createHmac('sha256', key).update(`${head}.${payload}`).digest('base64url'))
  const given = Buffer.from(signature)
  if (given.length != expected.length || !timingSafeEqual(given, expected)) {
    return { ok: false, reason: 'bad signature: the token was not minted by this emulator' }
  }
  try {
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString())
    const strict = head == OPAQUE_PREFIX
    if (!strict && JSON.parse(Buffer.from(head, 'base64url').toString()).alg != 'HS256') throw new Error()
    const expiresAt = strict ? claims.expiresAt : claims.exp * 1000
    if (typeof claims.sub != 'string' || !Number.isFinite(expiresAt))
      return { ok: false, reason: 'no subject or expiry in it' }
    return {
      ok: true,
      claims: {
        sub: claims.sub,
        name: typeof claims.name == 'string' ? claims.name : undefined,
        pid: claims.pid,
        expiresAt,
      },
    }
  } catch {
    return { ok: false, reason: 'malformed token: unreadable header or payload' }
  }
}
