import { createHmac, timingSafeEqual } from 'node:crypto'

export type VerifiedJwt = { ok: true; payload: Record<string, unknown> } | { ok: false; reason: string }

/** Checks an HS256 JWT's signature with the emulator's key; expiry is the caller's call. */
export function verifyJwt(token: string, key: Buffer): VerifiedJwt {
  const parts = token.split('.')
  if (parts.length != 3) return { ok: false, reason: 'malformed token: expected header.payload.signature' }
  const [header, payload, signature] = parts as [string, string, string]
  // Compared as text: decoding first would forgive stray characters.
  const expected = Buffer.from(createHmac('sha256', key).update(`${header}.${payload}`).digest('base64url'))
  const given = Buffer.from(signature)
  if (given.length != expected.length || !timingSafeEqual(given, expected)) {
    return { ok: false, reason: 'bad signature: the token was not minted by this emulator' }
  }
  try {
    if (JSON.parse(Buffer.from(header, 'base64url').toString()).alg != 'HS256') throw new Error()
    const claims: unknown = JSON.parse(Buffer.from(payload, 'base64url').toString())
    if (claims && typeof claims == 'object' && !Array.isArray(claims)) return { ok: true, payload: claims as Record<string, unknown> }
  } catch {}
  return { ok: false, reason: 'malformed token: unreadable header or payload' }
}
