import { MAX_RECOVERY_DELAY_MS, MAX_TRIES, RECOVERY_DELAY_MS } from './constants'
import { sleep } from './sleep'
import type { WidgentError } from './WidgentError'

/** A failure that may get better by asking again: a script that did not load or get ready, a network error, a 5xx. */
export const mayRecover = (error: WidgentError): boolean =>
  error.code == 'script-load' ||
  error.code == 'timeout' ||
  (error.code == 'token-fetch' && (error.status === undefined || error.status >= 500))

export const shouldRetry = (error: WidgentError, failures: number, tries = MAX_TRIES): boolean =>
  failures < tries && mayRecover(error)

/** 0.5 s after the first failure, 1 s after the second. */
export const retryDelay = (failures: number): number => 500 * 2 ** (failures - 1)

/**
 * When a failure that stood is tried again by itself: 5 s, then twice as long each time up to 5 min, give or take
 * a quarter, so a fleet of pages that failed together does not come back together.
 */
export const recoveryDelay = (recoveries: number): number =>
  Math.min(RECOVERY_DELAY_MS * 2 ** recoveries, MAX_RECOVERY_DELAY_MS) * (0.75 + Math.random() / 2)

/**
 * Runs `attempt` (`tries` times at most) until it succeeds or `shouldRetry` says stop, and rejects with the last
 * failure; `attempt` rejects with a `WidgentError` only. Once `signal` aborts it stops without another try.
 */
export async function retry<T>(attempt: () => Promise<T>, signal: AbortSignal, tries?: number): Promise<T> {
  for (let failures = 1; ; failures++) {
    try {
      return await attempt()
    } catch (error) {
      if (signal.aborted || !shouldRetry(error as WidgentError, failures, tries)) throw error
    }
    await sleep(retryDelay(failures), signal)
  }
}
