// @vitest-environment node
import { flush } from '@widgent/test-utils'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createAuthWait } from '../waitForAuth'

/** Whether `promise` has settled, once queued callbacks have run. */
async function settled(promise: Promise<unknown>) {
  let done = false
  void promise.then(() => (done = true))
  await flush()
  return done
}

beforeEach(() => {
  vi.useFakeTimers()
})
afterEach(() => {
  vi.useRealTimers()
})

describe('createAuthWait', () => {
  it('settle ends the wait under way, and says there was one, once', async () => {
    const auth = createAuthWait(10_000)
    const wait = auth._wait()
    expect(await settled(wait)).toBe(false)
    expect(auth._settle()).toBe(true)
    expect(await settled(wait)).toBe(true)
    expect(auth._settle()).toBe(false)
  })

  it('settle with no wait under way says so: its caller tells the widget itself', () => {
    expect(createAuthWait(10_000)._settle()).toBe(false)
  })

  it('callers while auth loads share one wait', async () => {
    const auth = createAuthWait(10_000)
    expect(auth._wait()).toBe(auth._wait())
    expect(vi.getTimerCount()).toBe(1)
  })

  it('gives up after timeoutMs, so the widget never hangs on an auth library that never settles', async () => {
    const auth = createAuthWait(10_000)
    const wait = auth._wait()
    await vi.advanceTimersByTimeAsync(9_999)
    expect(await settled(wait)).toBe(false)
    await vi.advanceTimersByTimeAsync(1)
    expect(await settled(wait)).toBe(true)
    // Nothing waits any more: a later settle has no one to answer.
    expect(auth._settle()).toBe(false)
  })

  it('settling clears the timer: nothing is left behind', () => {
    const auth = createAuthWait(10_000)
    void auth._wait()
    auth._settle()
    expect(vi.getTimerCount()).toBe(0)
  })

  it('a wait after one ended is a new wait, with its own timeout', async () => {
    const auth = createAuthWait(10_000)
    const first = auth._wait()
    auth._settle()
    await vi.advanceTimersByTimeAsync(5_000)
    const second = auth._wait()
    expect(second).not.toBe(first)
    await vi.advanceTimersByTimeAsync(9_999)
    expect(await settled(second)).toBe(false)
    await vi.advanceTimersByTimeAsync(1)
    expect(await settled(second)).toBe(true)
  })
})
