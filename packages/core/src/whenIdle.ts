/** Runs `callback` once the browser is idle, unless `signal` aborts first. */
export function whenIdle(callback: () => void, signal: AbortSignal): void {
  // Safari has no requestIdleCallback: a timeout is the nearest thing.
  const idle = 'requestIdleCallback' in window
  const id = idle ? requestIdleCallback(callback) : setTimeout(callback)
  signal.addEventListener('abort', () => (idle ? cancelIdleCallback(id) : clearTimeout(id)))
}
