// The token request cases every side checks: the rules (@widgent/token-request), createUserToken before it sends
// (@widgent/server) and the emulator's 400s. Each is a change to a valid request, and the field it must name.

const keys = (n: number) => Object.fromEntries(Array.from({ length: n }, (_, i) => [`k${i}`, i]))

/** [what, changes to a valid request, the field the refusal must name] */
export const INVALID_TOKEN_REQUESTS: Array<[string, Record<string, unknown>, string]> = [
  ['productId missing', { productId: undefined }, 'productId'],
  ['productId empty', { productId: '' }, 'productId'],
  ['productId blank', { productId: '   ' }, 'productId'],
  ['productId not a string', { productId: 42 }, 'productId'],
  ['verificationSecret missing', { verificationSecret: undefined }, 'verificationSecret'],
  ['verificationSecret empty', { verificationSecret: '' }, 'verificationSecret'],
  ['verificationSecret blank', { verificationSecret: ' ' }, 'verificationSecret'],
  ['verificationSecret not a string', { verificationSecret: true }, 'verificationSecret'],
  ['userId missing', { userId: undefined }, 'userId'],
  ['userId null', { userId: null }, 'userId'],
  ['userId empty', { userId: '' }, 'userId'],
  ['userId a number', { userId: 42 }, 'userId'],
  ['userId an object', { userId: { id: 'ada-1' } }, 'userId'],
  ['userId over 256 characters', { userId: 'u'.repeat(257) }, 'userId'],
  ['name a number', { name: 7 }, 'name'],
  ['name an array', { name: ['Ada'] }, 'name'],
  ['name over 200 characters', { name: 'n'.repeat(201) }, 'name'],
  ['metadata a string', { metadata: 'pro' }, 'metadata'],
  ['metadata an array', { metadata: ['pro'] }, 'metadata'],
  ['metadata with 21 keys', { metadata: keys(21) }, 'metadata'],
  ['metadata nested', { metadata: { account: { plan: 'pro' } } }, 'metadata.account'],
  ['metadata null value', { metadata: { plan: null } }, 'metadata.plan'],
  ['metadata array value', { metadata: { roles: ['admin'] } }, 'metadata.roles'],
  ['metadata string value over 500 characters', { metadata: { bio: 'b'.repeat(501) } }, 'metadata.bio'],
  ['metadata key over 40 characters', { metadata: { ['k'.repeat(41)]: 1 } }, `metadata.${'k'.repeat(40)}`],
  ['metadata empty key', { metadata: { '': 1 } }, 'metadata.'],
  // JSON has no Infinity: over HTTP it arrives as null, which is refused for the same field.
  ['metadata an infinite number', { metadata: { score: Infinity } }, 'metadata.score'],
]

/** Every value at its limit, all accepted. */
export const TOKEN_REQUEST_AT_LIMITS = {
  userId: 'u'.repeat(256),
  name: 'n'.repeat(200),
  metadata: { ...keys(18), ['k'.repeat(40)]: true, bio: 'b'.repeat(500) },
}
