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
