// @vitest-environment node
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { RECOVERY_MIN_GAP_MS } from '../constants'
import { createRecovery } from '../recovery'
import { WidgentError } from '../WidgentError'

// The part on its own; recovery.test.ts checks the same rules through the whole client.

const down = () => new WidgentError('token-fetch')
const signedOut = () => new WidgentError('unauthorized', undefined, 401)

function setup() {
  const tryAgain = vi.fn()
  return { tryAgain, recovery: createRecovery(tryAgain) }
}

beforeEach(() => {
  vi.useFakeTimers({ now: 1_700_000_000_000 })
  // No jitter unless a test asks for it: each delay exactly as the backoff says.
  vi.spyOn(Math, 'random').mockReturnValue(0.5)
})
afterEach(() => {
  vi.useRealTimers()
  vi.restoreAllMocks()
})

describe('the timer', () => {
  it('tries a failure that may get better again by itself after 5 s, 10 s, 20 s, 40 s..., and says when', async () => {
    const { recovery, tryAgain } = setup()
    for (const [i, delay] of [5_000, 10_000, 20_000, 40_000].entries()) {
      // Each automatic try starts a request, which fails again.
      recovery._started()
      expect(recovery._failed(down())).toBe(Date.now() + delay)
      await vi.advanceTimersByTimeAsync(delay - 1)
      expect(tryAgain).toHaveBeenCalledTimes(i)
      await vi.advanceTimersByTimeAsync(1)
      expect(tryAgain).toHaveBeenCalledTimes(i + 1)
    }
  })

  it('sets no timer for a failure that will not get better (a 401, a bad token): null', async () => {
    const { recovery, tryAgain } = setup()
    recovery._started()
    expect(recovery._failed(signedOut())).toBeNull()
    expect(recovery._failed(new WidgentError('invalid-token'))).toBeNull()
    await vi.advanceTimersByTimeAsync(600_000)
    expect(tryAgain).not.toHaveBeenCalled()
  })

  it('is cancelled when a request starts meanwhile', async () => {
    const { recovery, tryAgain } = setup()
    recovery._failed(down())
    await vi.advanceTimersByTimeAsync(4_000)
    recovery._started()
    await vi.advanceTimersByTimeAsync(600_000)
    expect(tryAgain).not.toHaveBeenCalled()
  })
})

describe('online', () => {
  it('tries again at once a failure that may get better', () => {
    const { recovery, tryAgain } = setup()
    recovery._started()
    recovery._failed(down())
    recovery._trigger('online')
    expect(tryAgain).toHaveBeenCalledOnce()
  })

  it('leaves a failure that will not get better alone: the network was not its cause', () => {
    const { recovery, tryAgain } = setup()
    recovery._started()
    recovery._failed(signedOut())
    recovery._trigger('online')
    expect(tryAgain).not.toHaveBeenCalled()
  })

  it('does nothing when no failure stands', () => {
    const { recovery, tryAgain } = setup()
    recovery._trigger('online')
    recovery._failed(down())
    // A request under way: the failure before it no longer stands.
    recovery._started()
    recovery._trigger('online')
    expect(tryAgain).not.toHaveBeenCalled()
  })
})

describe('visible', () => {
  it.each([
    ['one that may get better', down],
    ['one that will not by itself (a 401: the user may have signed in again in another tab)', signedOut],
  ])(
    `tries again any failure that stands, %s, once ${RECOVERY_MIN_GAP_MS} ms have passed since the last try started`,
    async (_, error) => {
      const { recovery, tryAgain } = setup()
      recovery._started()
      // The request took 4 s to fail: the gap counts from its start.
      await vi.advanceTimersByTimeAsync(4_000)
      recovery._failed(error())
      await vi.advanceTimersByTimeAsync(RECOVERY_MIN_GAP_MS - 4_000 - 1)
      recovery._trigger('visible')
      expect(tryAgain).not.toHaveBeenCalled()
      await vi.advanceTimersByTimeAsync(1)
      recovery._trigger('visible')
      expect(tryAgain).toHaveBeenCalledOnce()
    },
  )

  it('does nothing when no failure stands', async () => {
    const { recovery, tryAgain } = setup()
    await vi.advanceTimersByTimeAsync(RECOVERY_MIN_GAP_MS)
    recovery._trigger('visible')
    expect(tryAgain).not.toHaveBeenCalled()
  })
})

describe('reset', () => {
  it('nothing stands any more: the timer is cancelled and neither online nor visible tries again', async () => {
    const { recovery, tryAgain } = setup()
    recovery._started()
    recovery._failed(down())
    recovery._reset()
    await vi.advanceTimersByTimeAsync(600_000)
    recovery._trigger('online')
    recovery._trigger('visible')
    expect(tryAgain).not.toHaveBeenCalled()
  })

  it('the backoff starts afresh at 5 s', () => {
    const { recovery } = setup()
    for (const delay of [5_000, 10_000, 20_000]) expect(recovery._failed(down())).toBe(Date.now() + delay)
    recovery._reset()
    expect(recovery._failed(down())).toBe(Date.now() + 5_000)
  })
})
