/**
 * Runs `task` holding the browser's lock `name` (Web Locks), so that tabs asking at once take turns; at once where
 * there are no locks (an older browser, a test runner). The lock is released when `task` settles, and its wait ends
 * when `signal` aborts.
 */
export const inTurn = <T>(name: string, signal: AbortSignal, task: () => Promise<T>): Promise<T> =>
  globalThis.navigator?.locks
    ? // The DOM types say the callback returns T; the lock resolves to what the callback's promise resolves to.
      navigator.locks.request(name, { signal }, task as unknown as () => T)
    : task()
