/**
 * The limits of `POST /v1/auth/user-token`. `@widgent/server` checks them before sending, so a mistake names its
 * field at once, and `@widgent/emulator` answers 400 by them: one source for both.
 */
export const TOKEN_REQUEST_LIMITS = Object.freeze({
  idLength: 256,
  nameLength: 200,
  metadataKeys: 20,
  metadataKeyLength: 40,
  metadataStringLength: 500,
})

/** A flat object of small values: role, plan, account context. */
export type UserMetadata = Record<string, string | number | boolean>

/** What `POST /v1/auth/user-token` takes, as the vendor page's table lists it. */
export interface TokenRequest {
  productId: string
  verificationSecret: string
  userId: string
  name?: string
  metadata?: UserMetadata
}

export type Validated = { ok: true; request: TokenRequest } | { ok: false; error: string; field: string }

const L = TOKEN_REQUEST_LIMITS

/** Checks a token request body field by field; the first problem wins and names its field. */
export function validateTokenRequest(body: Record<string, unknown>): Validated {
  const fail = (field: string, error: string): Validated => ({ ok: false, field, error })
  const { productId, verificationSecret, userId, name, metadata } = body
  const required = (value: unknown, field: string, what: string) => {
    if (value === undefined || value === null || (typeof value == 'string' && !value.trim())) {
      return fail(field, `${field} is required: ${what}.`)
    }
    if (typeof value != 'string') return fail(field, `${field} must be a string: ${what}.`)
    if (value.length > L.idLength) return fail(field, `${field} must be at most ${L.idLength} characters.`)
  }
  const problem =
    required(productId, 'productId', "the Product ID from the dashboard's Setup tab") ||
    required(
      verificationSecret,
      'verificationSecret',
      "the secret from the dashboard's Security tab, sent from your server only",
    ) ||
    required(userId, 'userId', "the signed-in user's stable id as a string, e.g. String(user.id)")
  if (problem) return problem
  if (name != null && (typeof name != 'string' || name.length > L.nameLength)) {
    return fail('name', `name must be a string of at most ${L.nameLength} characters, or left out.`)
  }
  if (metadata != null) {
    if (typeof metadata != 'object' || Array.isArray(metadata)) {
      return fail('metadata', 'metadata must be a flat object of string, number or boolean values, or left out.')
    }
    const entries = Object.entries(metadata)
    if (entries.length > L.metadataKeys) {
      return fail('metadata', `metadata has ${entries.length} keys; at most ${L.metadataKeys} are allowed.`)
    }
    for (const [key, value] of entries) {
      const field = `metadata.${key.slice(0, L.metadataKeyLength)}`
      if (!key || key.length > L.metadataKeyLength) {
        return fail(field, `metadata keys must be 1 to ${L.metadataKeyLength} characters long.`)
      }
      const fits =
        typeof value == 'boolean' ||
        (typeof value == 'number' && Number.isFinite(value)) ||
        (typeof value == 'string' && value.length <= L.metadataStringLength)
      if (!fits) {
        return fail(
          field,
          `${field} must be a boolean, a finite number or a string of at most ${L.metadataStringLength} characters.`,
        )
      }
    }
  }
  const request: TokenRequest = {
    productId: productId as string,
    verificationSecret: verificationSecret as string,
    userId: userId as string,
  }
  if (name) request.name = name as string
  if (metadata != null) request.metadata = metadata as UserMetadata
  return { ok: true, request }
}
