import { MAX_TRIES } from './constants'
import { sleep } from './sleep'
import type { WidgentError } from './WidgentError'

/** A failure that may get better by asking again: a script that did not load or get ready, a network error, a 5xx. */
export const mayRecover = (error: WidgentError): boolean =>
  error.code == 'script-load' || error.code == 'timeout' || (error.code == 'token-fetch' && (error.status === undefined || error.status >= 500))

export const shouldRetry = (error: WidgentError, failures: number): boolean => failures < MAX_TRIES && mayRecover(error)

/** 0.5 s after the first failure, 1 s after the second. */
export const retryDelay = (failures: number): number => 500 * 2 ** (failures - 1)

/**
 * Runs `attempt` until it succeeds or `shouldRetry` says stop, and rejects with the last failure; `attempt`
 * rejects with a `WidgentError` only. Once `signal` aborts it stops without another try.
 */
export async function retry<T>(attempt: () => Promise<T>, signal: AbortSignal): Promise<T> {
  for (let failures = 1; ; failures++) {
    try {
      return await attempt()
    } catch (error) {
      if (signal.aborted || !shouldRetry(error as WidgentError, failures)) throw error
    }
    await sleep(retryDelay(failures), signal)
  }
}
