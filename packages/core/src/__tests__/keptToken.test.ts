import { afterEach, describe, expect, it, vi } from 'vitest'
import { keptToken } from '../keptToken'
import type { FreshToken } from '../tokenSource'

const token = (freshFor = 60_000): FreshToken => ({ token: 't', expiresAt: null, freshUntil: Date.now() + freshFor })
const key = 'widgent:token:p'

afterEach(() => {
  vi.useRealTimers()
  vi.restoreAllMocks()
  sessionStorage.clear()
})

describe('keptToken', () => {
  it("gives the kept token to its own user only, and keeps it when another user's is asked for", () => {
    const kept = keptToken('p')
    const ada = token()
    kept._write('ada', ada)
    expect(kept._read('grace')).toBeUndefined()
    expect(kept._read('ada')).toEqual(ada)
    expect(JSON.parse(sessionStorage.getItem(key)!)).toEqual({ id: 'ada', token: ada })
  })

  it('removes a stale token the moment it is read, whoever asks', () => {
    vi.useFakeTimers()
    const kept = keptToken('p')
    kept._write('ada', token(1_000))
    vi.advanceTimersByTime(1_000)
    expect(kept._read('grace')).toBeUndefined()
    expect(sessionStorage.getItem(key)).toBeNull()
  })

  it('one entry per product: a write replaces the last, a remove clears it, other products are untouched', () => {
    const kept = keptToken('p')
    keptToken('other')._write('ada', token())
    kept._write('ada', token())
    kept._write('grace', token())
    expect(kept._read('ada')).toBeUndefined()
    kept._remove()
    expect(kept._read('grace')).toBeUndefined()
    expect(keptToken('other')._read('ada')).toBeDefined()
  })

  it('storage that throws or holds garbage keeps nothing, and never throws', () => {
    const kept = keptToken('p')
    sessionStorage.setItem(key, '{not json')
    expect(kept._read('ada')).toBeUndefined()
    for (const method of ['getItem', 'setItem', 'removeItem'] as const) {
      vi.spyOn(Storage.prototype, method).mockImplementation(() => {
        throw new DOMException('Storage is off.', 'SecurityError')
      })
    }
    expect(() => kept._write('ada', token())).not.toThrow()
    expect(kept._read('ada')).toBeUndefined()
    expect(() => kept._remove()).not.toThrow()
  })
})
