import { describe, expect, it } from 'vitest'
import { INVALID_TOKEN_REQUESTS, TOKEN_REQUEST_AT_LIMITS } from '@widgent/test-utils/tokenRequestCases'
import { TOKEN_REQUEST_LIMITS, validateTokenRequest } from './validateTokenRequest'

const valid = { productId: 'demo-product', verificationSecret: 'demo-verification-secret', userId: 'ada-1' }

describe('validateTokenRequest', () => {
  it.each(INVALID_TOKEN_REQUESTS)('%s: refused, naming the field', (_, changes, field) => {
    const result = validateTokenRequest({ ...valid, ...changes })
    expect(result).toEqual({ ok: false, field, error: expect.stringMatching(/\S/) })
  })

  it('accepts every value at its limit', () => {
    const request = { ...valid, ...TOKEN_REQUEST_AT_LIMITS }
    expect(validateTokenRequest(request)).toEqual({ ok: true, request })
  })

  it('keeps only the documented fields, and drops a null or empty name and a null metadata', () => {
    expect(validateTokenRequest({ ...valid, name: 'Ada', metadata: { plan: 'pro' }, extra: 'dropped' })).toEqual({
      ok: true,
      request: { ...valid, name: 'Ada', metadata: { plan: 'pro' } },
    })
    for (const empty of [{ name: null, metadata: null }, { name: '' }]) {
      expect(validateTokenRequest({ ...valid, ...empty })).toEqual({ ok: true, request: valid })
    }
  })

  it('answers the first problem, in the order productId, verificationSecret, userId, name, metadata', () => {
    const everythingWrong = { productId: '', verificationSecret: '', userId: 1, name: 1, metadata: [] }
    const fields: string[] = []
    const body: Record<string, unknown> = { ...everythingWrong }
    for (const field of Object.keys(everythingWrong)) {
      const result = validateTokenRequest(body)
      if (!result.ok) fields.push(result.field)
      body[field] = (valid as Record<string, unknown>)[field]
    }
    expect(fields).toEqual(['productId', 'verificationSecret', 'userId', 'name', 'metadata'])
  })

  it('says what to send in its messages', () => {
    const error = (changes: Record<string, unknown>) => {
      const result = validateTokenRequest({ ...valid, ...changes })
      return result.ok ? '' : result.error
    }
    expect(error({ userId: 42 })).toMatch(/String\(user\.id\)/)
    expect(error({ verificationSecret: undefined })).toMatch(/from your server only/)
    expect(error({ name: 'n'.repeat(201) })).toMatch(/at most 200 characters/)
  })

  it('exports its limits, frozen', () => {
    expect(TOKEN_REQUEST_LIMITS).toEqual({
      idLength: 256,
      nameLength: 200,
      metadataKeys: 20,
      metadataKeyLength: 40,
      metadataStringLength: 500,
    })
    expect(Object.isFrozen(TOKEN_REQUEST_LIMITS)).toBe(true)
  })
})
