import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { IDLE_MAX_WAIT_MS } from '../constants'
import { scheduleLoad } from '../scheduleLoad'

/** What `navigator.connection` says (Chromium's Network Information API; jsdom has none). */
const connect = (connection: { saveData?: boolean; effectiveType?: string }) =>
  Object.defineProperty(navigator, 'connection', { value: connection, configurable: true })

beforeEach(() => {
  // No requestIdleCallback in jsdom: 'idle' waits IDLE_MAX_WAIT_MS (whenIdle.test.ts checks the quiet periods).
  vi.useFakeTimers()
})
afterEach(() => {
  vi.useRealTimers()
  delete (navigator as { connection?: unknown }).connection
})

describe('scheduleLoad', () => {
  it("'eager' loads at once", () => {
    const load = vi.fn()
    scheduleLoad('eager', load, new AbortController().signal)
    expect(load).toHaveBeenCalledOnce()
  })

  it("'idle' loads once the page has gone quiet, not before", async () => {
    const load = vi.fn()
    scheduleLoad('idle', load, new AbortController().signal)
    expect(load).not.toHaveBeenCalled()
    await vi.advanceTimersByTimeAsync(IDLE_MAX_WAIT_MS - 1)
    expect(load).not.toHaveBeenCalled()
    await vi.advanceTimersByTimeAsync(1)
    expect(load).toHaveBeenCalledOnce()
  })

  it("'idle' stops waiting when the client stops", async () => {
    const load = vi.fn()
    const run = new AbortController()
    scheduleLoad('idle', load, run.signal)
    run.abort()
    await vi.advanceTimersByTimeAsync(IDLE_MAX_WAIT_MS)
    expect(load).not.toHaveBeenCalled()
  })

  it.each(['interaction', 'manual'] as const)("'%s' never loads by itself", async (mode) => {
    const load = vi.fn()
    scheduleLoad(mode, load, new AbortController().signal)
    await vi.advanceTimersByTimeAsync(IDLE_MAX_WAIT_MS * 10)
    expect(load).not.toHaveBeenCalled()
  })

  it.each([
    ['Save-Data', { saveData: true, effectiveType: '4g' }],
    ['a 2g connection', { effectiveType: '2g' }],
    ['a slow-2g connection', { effectiveType: 'slow-2g' }],
  ])("'idle' loads nothing by itself under %s", async (_, connection) => {
    connect(connection)
    const load = vi.fn()
    scheduleLoad('idle', load, new AbortController().signal)
    await vi.advanceTimersByTimeAsync(IDLE_MAX_WAIT_MS * 10)
    expect(load).not.toHaveBeenCalled()
  })

  it("'idle' loads as usual on a fast connection that does not ask to save data", async () => {
    connect({ saveData: false, effectiveType: '4g' })
    const load = vi.fn()
    scheduleLoad('idle', load, new AbortController().signal)
    await vi.advanceTimersByTimeAsync(IDLE_MAX_WAIT_MS)
    expect(load).toHaveBeenCalledOnce()
  })

  it("'eager' loads at once even under Save-Data: the app asked for it", () => {
    connect({ saveData: true })
    const load = vi.fn()
    scheduleLoad('eager', load, new AbortController().signal)
    expect(load).toHaveBeenCalledOnce()
  })
})
