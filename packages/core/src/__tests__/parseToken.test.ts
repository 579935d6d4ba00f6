import { jwt, opaqueToken } from '@widgent/test-utils'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { parseToken } from '../parseToken'

afterEach(() => vi.useRealTimers())

const base64url = (value: unknown) =>
  btoa(JSON.stringify(value)).replace(/=+$/, '').replace(/\+/g, '-').replace(/\//g, '_')

describe('parseToken', () => {
  it('reads exp from a JWT as ms epoch', () => {
    vi.useFakeTimers({ now: 1_700_000_000_000 })
    expect(parseToken(jwt('ada', 60))).toEqual({ token: jwt('ada', 60), expiresAt: 1_700_000_060_000 })
  })

  it.each([
    ['an opaque string', 'opaque-token_123'],
    [
      'a PASETO',
      'v4.local.QAxIpVe-ECVNI1z4xQbm_qQYomyT3h8FtV8bxkz8pBJWkT8f7HtlOpbroPDEZUKop_vaglyp76CzYy375cHmKCW8e1CCkV0Lflu4GTDyXMqQdpZMM1E6OaoQW27gaRSvWBrR3IgbFIa0AkuUFw',
    ],
    ['a dotted signed token that is not a JWT', opaqueToken('ada')],
    ['three parts that are not base64', 'aaa.bbb.ccc'],
    ['a JWT without exp', `${base64url({ alg: 'HS256' })}.${base64url({ sub: 'ada' })}.sig`],
    ['a JWT whose exp is not a number', `${base64url({ alg: 'HS256' })}.${base64url({ sub: 'ada', exp: 'soon' })}.sig`],
    ['text with spaces (the vendor page promises no format)', 'not a jwt'],
  ])('accepts %s, its expiry unknown', (_, token) => {
    expect(parseToken(token)).toEqual({ token, expiresAt: null })
  })

  it.each([
    ['a number', 42],
    ['undefined (missing token)', undefined],
    ['null', null],
    ['an object', { token: 'x' }],
    ['an empty string', ''],
  ])('rejects %s as invalid-token', (_, value) => {
    expect(() => parseToken(value)).toThrow(expect.objectContaining({ code: 'invalid-token' }))
  })

  it('rejects a JWT that has already expired', () => {
    expect(() => parseToken(jwt('ada', -1))).toThrow(expect.objectContaining({ code: 'invalid-token' }))
    expect(() => parseToken(jwt('ada', 0))).toThrow(expect.objectContaining({ code: 'invalid-token' }))
  })
})
