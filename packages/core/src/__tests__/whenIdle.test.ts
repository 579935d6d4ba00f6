import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { IDLE_MAX_WAIT_MS, IDLE_PERIOD_MS, IDLE_PERIODS } from '../constants'
import { whenIdle } from '../whenIdle'

/** A browser's idle callbacks, run when the test says: `idle(ms)` runs the one waiting with `ms` of idle time left. */
function fakeIdleCallbacks() {
  const waiting = new Map<number, IdleRequestCallback>()
  let ids = 0
  vi.stubGlobal('requestIdleCallback', (callback: IdleRequestCallback) => (waiting.set(++ids, callback), ids))
  vi.stubGlobal('cancelIdleCallback', (id: number) => waiting.delete(id))
  const idle = (ms: number) => {
    const [id, callback] = [...waiting][0]!
    waiting.delete(id)
    callback({ didTimeout: false, timeRemaining: () => ms })
  }
  return { idle, waiting }
}

beforeEach(() => {
  vi.useFakeTimers()
})
afterEach(() => {
  vi.useRealTimers()
  vi.unstubAllGlobals()
})

describe('whenIdle', () => {
  it(`runs once the page has gone quiet: ${IDLE_PERIODS} idle periods of at least ${IDLE_PERIOD_MS} ms in a row`, () => {
    const { idle, waiting } = fakeIdleCallbacks()
    const callback = vi.fn()
    whenIdle(callback, new AbortController().signal)
    for (let i = 1; i < IDLE_PERIODS; i++) idle(IDLE_PERIOD_MS)
    expect(callback).not.toHaveBeenCalled()
    idle(IDLE_PERIOD_MS)
    expect(callback).toHaveBeenCalledOnce()
    expect(waiting.size).toBe(0)
  })

  it('a short idle period (one between two busy tasks) starts the count again', () => {
    const { idle } = fakeIdleCallbacks()
    const callback = vi.fn()
    whenIdle(callback, new AbortController().signal)
    for (let i = 1; i < IDLE_PERIODS; i++) idle(IDLE_PERIOD_MS * 10)
    idle(IDLE_PERIOD_MS - 1)
    for (let i = 1; i < IDLE_PERIODS; i++) idle(IDLE_PERIOD_MS)
    expect(callback).not.toHaveBeenCalled()
    idle(IDLE_PERIOD_MS)
    expect(callback).toHaveBeenCalledOnce()
  })

  it(`a page that never goes quiet still gets it after ${IDLE_MAX_WAIT_MS} ms, and the idle wait ends`, async () => {
    const { idle, waiting } = fakeIdleCallbacks()
    const callback = vi.fn()
    whenIdle(callback, new AbortController().signal)
    idle(1)
    await vi.advanceTimersByTimeAsync(IDLE_MAX_WAIT_MS - 1)
    expect(callback).not.toHaveBeenCalled()
    await vi.advanceTimersByTimeAsync(1)
    expect(callback).toHaveBeenCalledOnce()
    expect(waiting.size).toBe(0)
  })

  it('runs once: the max wait after a quiet page does nothing more', async () => {
    const { idle } = fakeIdleCallbacks()
    const callback = vi.fn()
    whenIdle(callback, new AbortController().signal)
    for (let i = 0; i < IDLE_PERIODS; i++) idle(IDLE_PERIOD_MS)
    expect(vi.getTimerCount()).toBe(0)
    await vi.advanceTimersByTimeAsync(IDLE_MAX_WAIT_MS)
    expect(callback).toHaveBeenCalledOnce()
  })

  it('without requestIdleCallback (Safari) the max wait alone decides', async () => {
    const callback = vi.fn()
    whenIdle(callback, new AbortController().signal)
    await vi.advanceTimersByTimeAsync(IDLE_MAX_WAIT_MS - 1)
    expect(callback).not.toHaveBeenCalled()
    await vi.advanceTimersByTimeAsync(1)
    expect(callback).toHaveBeenCalledOnce()
  })

  it('an abort first: it never runs, and nothing is left waiting', async () => {
    const { waiting } = fakeIdleCallbacks()
    const callback = vi.fn()
    const run = new AbortController()
    whenIdle(callback, run.signal)
    run.abort()
    expect(waiting.size).toBe(0)
    expect(vi.getTimerCount()).toBe(0)
    await vi.advanceTimersByTimeAsync(IDLE_MAX_WAIT_MS)
    expect(callback).not.toHaveBeenCalled()
  })
})
