// @vitest-environment node
import { deferred, flush } from '@widgent/test-utils'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { answerInTime } from '../answerInTime'

beforeEach(() => {
  vi.useFakeTimers()
})
afterEach(() => {
  vi.useRealTimers()
})

describe('answerInTime', () => {
  it('answers the value when it comes in time, and clears its timer', async () => {
    const token = deferred<string>()
    const answer = answerInTime(token.promise, 1_000, null)
    await vi.advanceTimersByTimeAsync(999)
    token.resolve('t')
    await expect(answer).resolves.toBe('t')
    expect(vi.getTimerCount()).toBe(0)
  })

  it('answers `late` once `ms` have passed, while the promise goes on behind it', async () => {
    const token = deferred<string>()
    const answered = vi.fn()
    void answerInTime(token.promise, 1_000, null).then(answered)
    await vi.advanceTimersByTimeAsync(999)
    expect(answered).not.toHaveBeenCalled()
    await vi.advanceTimersByTimeAsync(1)
    expect(answered).toHaveBeenCalledExactlyOnceWith(null)
    expect(vi.getTimerCount()).toBe(0)
    // The value that comes later is the promise's, not the answer's.
    token.resolve('t')
    await flush()
    expect(answered).toHaveBeenCalledOnce()
    await expect(token.promise).resolves.toBe('t')
  })

  it('passes on a rejection that comes in time, and clears its timer', async () => {
    const token = deferred<string>()
    const answer = answerInTime(token.promise, 1_000, null)
    token.reject(new Error('no'))
    await expect(answer).rejects.toThrow('no')
    expect(vi.getTimerCount()).toBe(0)
  })
})
