// @vitest-environment node
import { deferred, type Deferred } from '@widgent/test-utils'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { MAX_RECOVERY_DELAY_MS, MAX_TRIES, RECOVERY_DELAY_MS } from '../constants'
import { mayRecover, recoveryDelay, retry, retryDelay, shouldRetry } from '../retryer'
import { WidgentError, type WidgentErrorCode } from '../WidgentError'

const failure = (code: WidgentErrorCode, status?: number) => new WidgentError(code, undefined, status)

/** An attempt whose every call waits in `tries` for the test to settle it. */
function controlledAttempt() {
  const tries: Deferred<string>[] = []
  const attempt = vi.fn(() => {
    const next = deferred<string>()
    tries.push(next)
    return next.promise
  })
  return { attempt, tries }
}

beforeEach(() => {
  vi.useFakeTimers()
})
afterEach(() => {
  vi.useRealTimers()
  vi.restoreAllMocks()
})

describe('mayRecover: a failure that may get better by asking again', () => {
  it.each([
    ['the script did not load', true, failure('script-load')],
    ['the widget did not get ready in time', true, failure('timeout')],
    ['a network error or a token try that timed out', true, failure('token-fetch')],
    ['a 500', true, failure('token-fetch', 500)],
    ['a 503', true, failure('token-fetch', 503)],
    ['a 404', false, failure('token-fetch', 404)],
    ['a 401 (signed out on the server)', false, failure('unauthorized', 401)],
    ['a bad or expired token', false, failure('invalid-token')],
    ['bad options', false, failure('config')],
  ])('%s: %s', (_, expected, error) => {
    expect(mayRecover(error)).toBe(expected)
  })
})

describe('shouldRetry', () => {
  it(`asks again while fewer than \`tries\` (${MAX_TRIES} by default) have failed`, () => {
    const down = failure('token-fetch')
    expect([1, 2, 3].map((failures) => shouldRetry(down, failures))).toEqual([true, true, false])
    expect(shouldRetry(down, 1, 1)).toBe(false)
    expect(shouldRetry(down, 4, 5)).toBe(true)
  })

  it('never asks again a failure that will not get better', () => {
    expect(shouldRetry(failure('unauthorized', 401), 1)).toBe(false)
    expect(shouldRetry(failure('invalid-token'), 1, 10)).toBe(false)
  })
})

describe('retryDelay', () => {
  it('waits 0.5 s after the first failure, then twice as long each time', () => {
    expect([1, 2, 3].map(retryDelay)).toEqual([500, 1000, 2000])
  })
})

describe('recoveryDelay', () => {
  it('starts at 5 s and doubles, up to 5 min', () => {
    vi.spyOn(Math, 'random').mockReturnValue(0.5)
    expect([0, 1, 2, 5, 6, 20].map(recoveryDelay)).toEqual([5_000, 10_000, 20_000, 160_000, 300_000, 300_000])
  })

  it.each([0, 1, 3, 6, 12])(
    'jitter: after %i recoveries, within a quarter either way of the delay, across the whole range',
    (recoveries) => {
      const delay = Math.min(RECOVERY_DELAY_MS * 2 ** recoveries, MAX_RECOVERY_DELAY_MS)
      const random = vi.spyOn(Math, 'random')
      random.mockReturnValue(0)
      expect(recoveryDelay(recoveries)).toBe(delay * 0.75)
      random.mockReturnValue(0.9999)
      expect(recoveryDelay(recoveries)).toBeLessThan(delay * 1.25)
      expect(recoveryDelay(recoveries)).toBeGreaterThan(delay * 1.2499)
    },
  )
})

describe('retry', () => {
  it('resolves with the first success, trying once', async () => {
    const { attempt, tries } = controlledAttempt()
    const result = retry(attempt, new AbortController().signal)
    tries[0]!.resolve('ok')
    await expect(result).resolves.toBe('ok')
    expect(attempt).toHaveBeenCalledOnce()
  })

  it('tries a failure that may get better again after retryDelay, and resolves with the try that succeeds', async () => {
    const { attempt, tries } = controlledAttempt()
    const result = retry(attempt, new AbortController().signal)
    tries[0]!.reject(failure('token-fetch', 502))
    await vi.advanceTimersByTimeAsync(499)
    expect(attempt).toHaveBeenCalledOnce()
    await vi.advanceTimersByTimeAsync(1)
    expect(attempt).toHaveBeenCalledTimes(2)
    tries[1]!.reject(failure('script-load'))
    await vi.advanceTimersByTimeAsync(999)
    expect(attempt).toHaveBeenCalledTimes(2)
    await vi.advanceTimersByTimeAsync(1)
    tries[2]!.resolve('ok')
    await expect(result).resolves.toBe('ok')
  })

  it('rejects with the last failure once `tries` have failed', async () => {
    const { attempt, tries } = controlledAttempt()
    const result = retry(attempt, new AbortController().signal, 2)
    const rejected = expect(result).rejects.toMatchObject({ code: 'timeout' })
    tries[0]!.reject(failure('token-fetch'))
    await vi.advanceTimersByTimeAsync(500)
    tries[1]!.reject(failure('timeout'))
    await rejected
    await vi.advanceTimersByTimeAsync(60_000)
    expect(attempt).toHaveBeenCalledTimes(2)
  })

  it('rejects at once with a failure that will not get better', async () => {
    const { attempt, tries } = controlledAttempt()
    const result = retry(attempt, new AbortController().signal)
    tries[0]!.reject(failure('unauthorized', 401))
    await expect(result).rejects.toMatchObject({ code: 'unauthorized' })
    await vi.advanceTimersByTimeAsync(60_000)
    expect(attempt).toHaveBeenCalledOnce()
  })

  it('stops on abort while it waits to try again: rejects with the abort reason, and no timer is left', async () => {
    const { attempt, tries } = controlledAttempt()
    const controller = new AbortController()
    const result = retry(attempt, controller.signal)
    tries[0]!.reject(failure('token-fetch'))
    await vi.advanceTimersByTimeAsync(100)
    controller.abort()
    await expect(result).rejects.toBe(controller.signal.reason)
    expect(vi.getTimerCount()).toBe(0)
    await vi.advanceTimersByTimeAsync(60_000)
    expect(attempt).toHaveBeenCalledOnce()
  })

  it('stops on abort while a try is under way: that try’s failure rejects, with no further try', async () => {
    const { attempt, tries } = controlledAttempt()
    const controller = new AbortController()
    const result = retry(attempt, controller.signal)
    controller.abort()
    const error = failure('token-fetch')
    tries[0]!.reject(error)
    await expect(result).rejects.toBe(error)
    await vi.advanceTimersByTimeAsync(60_000)
    expect(attempt).toHaveBeenCalledOnce()
  })
})
