import { IDLE_MAX_WAIT_MS, IDLE_PERIOD_MS, IDLE_PERIODS } from './constants'

/**
 * Runs `callback` once the page has gone quiet (IDLE_PERIODS long idle periods in a row: one idle callback comes
 * even between two busy tasks), or after IDLE_MAX_WAIT_MS, unless `signal` aborts first.
 */
export function whenIdle(callback: () => void, signal: AbortSignal): void {
  let quiet = 0
  let idle: number | undefined
  const done = () => {
    clearTimeout(deadline)
    // Safari has no requestIdleCallback: the bounded wait alone decides there.
    if (idle !== undefined) cancelIdleCallback(idle)
    if (!signal.aborted) callback()
  }
  const deadline = setTimeout(done, IDLE_MAX_WAIT_MS)
  const next = () => {
    idle = requestIdleCallback((period) => {
      quiet = period.timeRemaining() >= IDLE_PERIOD_MS ? quiet + 1 : 0
      quiet < IDLE_PERIODS ? next() : done()
    })
  }
  if ('requestIdleCallback' in window) next()
  signal.addEventListener('abort', done)
}
