import { WidgentError } from './WidgentError'

/** Resolve after `ms`, or reject as soon as `signal` aborts; either way no timer or listener is left. */
export const sleep = (ms: number, signal: AbortSignal) =>
  new Promise<void>((resolve, reject) => {
    const done = () => {
      clearTimeout(timer)
      signal.removeEventListener('abort', done)
      signal.aborted ? reject(signal.reason) : resolve()
    }
    const timer = setTimeout(done, ms)
    signal.addEventListener('abort', done)
  })

/**
 * Run `run`, and twice more (0.5 s, then 1 s later) while `retryable` says its error may pass.
 * Rejects with a `WidgentError`; stops at once when `signal` aborts.
 */
export async function retry<T>(run: () => Promise<T>, signal: AbortSignal, retryable: (error: WidgentError) => boolean): Promise<T> {
  for (let tries = 0; ; tries++) {
    try {
      return await run()
    } catch (thrown) {
      const error = thrown instanceof WidgentError ? thrown : new WidgentError('token-fetch', __DEV__ && String(thrown))
      if (signal.aborted || tries > 1 || !retryable(error)) throw error
      await sleep(500 << tries, signal)
    }
  }
}
