import { describe, expect, it } from 'vitest'
import { isLoopbackOrigin, matchOrigin } from './matchOrigin'

describe('matchOrigin', () => {
  it.each([
    ['http://localhost:5173', ['http://localhost:*'], true],
    ['http://localhost', ['http://localhost:*'], true],
    ['https://localhost:5173', ['http://localhost:*'], false],
    ['http://localhost.evil.example', ['http://localhost:*'], false],
    ['https://app.example.com', ['https://app.example.com'], true],
    ['https://app.example.com', ['https://app.example.com/'], true],
    ['https://app.example.com:444', ['https://app.example.com'], false],
    ['https://sub.app.example.com', ['https://app.example.com'], false],
    ['null', ['http://localhost:*'], false],
    [undefined, ['http://localhost:*'], false],
  ])('%s against %j: %s', (origin, patterns, expected) => {
    expect(matchOrigin(origin, patterns)).toBe(expected)
  })

  it('isLoopbackOrigin accepts only this machine', () => {
    expect(['http://localhost:1', 'http://127.0.0.1:2', 'http://[::1]:3'].map(isLoopbackOrigin)).toEqual([
      true,
      true,
      true,
    ])
    expect(['https://example.com', 'http://127.0.0.2', 'null', undefined].map(isLoopbackOrigin)).toEqual([
      false,
      false,
      false,
      false,
    ])
  })
})
