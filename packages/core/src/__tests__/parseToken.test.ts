import { afterEach, describe, expect, it, vi } from 'vitest'
import { parseToken } from '../parseToken'
import { jwt } from '@widgent/test-utils'

afterEach(() => vi.useRealTimers())

describe('parseToken', () => {
  it('reads exp from a JWT as ms epoch', () => {
    vi.useFakeTimers({ now: 1_700_000_000_000 })
    expect(parseToken(jwt('ada', 60))).toEqual({ token: jwt('ada', 60), expiresAt: 1_700_000_060_000 })
  })

  it('accepts an opaque token with no expiry', () => {
    expect(parseToken('opaque-token_123')).toEqual({ token: 'opaque-token_123', expiresAt: null })
  })

  it.each([
    ['a number', 42],
    ['undefined (missing token)', undefined],
    ['null', null],
    ['an object', { token: 'x' }],
    ['an empty string', ''],
    ['HTML', '<!doctype html><html>'],
    ['text with spaces', 'not a token'],
  ])('rejects %s as invalid-token', (_, value) => {
    expect(() => parseToken(value)).toThrow(expect.objectContaining({ code: 'invalid-token' }))
  })

  it('rejects a JWT whose payload is not JSON, or has no exp', () => {
    expect(() => parseToken('aaa.bbb.ccc')).toThrow(expect.objectContaining({ code: 'invalid-token' }))
    const noExp = `x.${btoa(JSON.stringify({ sub: 'ada' }))}.sig`
    expect(() => parseToken(noExp)).toThrow(expect.objectContaining({ code: 'invalid-token' }))
  })

  it('rejects a token that has already expired', () => {
    expect(() => parseToken(jwt('ada', -1))).toThrow(expect.objectContaining({ code: 'invalid-token' }))
    expect(() => parseToken(jwt('ada', 0))).toThrow(expect.objectContaining({ code: 'invalid-token' }))
  })
})
