import { describe, expect, it, vi } from 'vitest'
import { createStore } from '../createStore'

describe('createStore', () => {
  it('calls a new listener at once with the current value (the Svelte store contract)', () => {
    const store = createStore({ a: 1 })
    const listener = vi.fn()
    store.subscribe(listener)
    expect(listener).toHaveBeenCalledExactlyOnceWith({ a: 1 })
  })

  it('keeps the same snapshot until a field really changes', () => {
    const store = createStore({ a: 1, b: 'x' })
    const before = store.getSnapshot()
    store.set({ a: 1 })
    expect(store.getSnapshot()).toBe(before)
    store.set({ b: 'y' })
    expect(store.getSnapshot()).not.toBe(before)
    expect(store.getSnapshot()).toEqual({ a: 1, b: 'y' })
  })

  it('notifies only on change, and not after unsubscribe', () => {
    const store = createStore({ a: 1 })
    const listener = vi.fn()
    const unsubscribe = store.subscribe(listener)
    store.set({ a: 1 })
    store.set({ a: 2 })
    unsubscribe()
    store.set({ a: 3 })
    expect(listener.mock.calls).toEqual([[{ a: 1 }], [{ a: 2 }]])
  })
})
