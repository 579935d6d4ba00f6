/**
 * Resolve after `ms`, or reject as soon as `signal` aborts. Every caller aborts `signal` once done with it,
 * which ends the timer, so nothing is left behind (the listener goes with its signal).
 */
export const sleep = (ms: number, signal: AbortSignal) =>
  new Promise<void>((resolve, reject) => {
    const timer = setTimeout(resolve, ms)
    signal.addEventListener('abort', () => {
      clearTimeout(timer)
      reject(signal.reason)
    })
  })
