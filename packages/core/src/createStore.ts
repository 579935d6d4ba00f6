/** A minimal observable: enough for React's useSyncExternalStore, Vue refs and Svelte's store contract. */
export interface Store<T> {
  getSnapshot(): T
  subscribe(listener: (value: T) => void): () => void
}

/** `value`: the initial value, then the current one. */
export function createStore<T extends object>(value: T) {
  const listeners = new Set<(value: T) => void>()
  return {
    getSnapshot: () => value,
    subscribe(listener: (value: T) => void) {
      listeners.add(listener)
      listener(value)
      return () => {
        listeners.delete(listener)
      }
    },
    /** Merge `patch`; listeners run only when a field really changed, so snapshots stay referentially stable. */
    set(patch: Partial<T>) {
      for (const key in patch) {
        if (patch[key] !== value[key]) {
          value = { ...value, ...patch }
          listeners.forEach((listener) => listener(value))
          return
        }
      }
    },
  }
}
