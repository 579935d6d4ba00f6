/**
 * Runs `task` holding the browser's lock `name` (Web Locks), so that tabs asking at once take turns; at once where
 * the browser has no locks. The lock is released when `task` settles, and its wait ends when `signal` aborts.
 */
export const inTurn = <T>(name: string, signal: AbortSignal, task: () => Promise<T>): Promise<T> =>
  // The DOM types say the callback returns T; the lock resolves to what the callback's promise resolves to.
  'locks' in navigator ? navigator.locks.request(name, { signal }, task as unknown as () => T) : task()
