import { vi } from 'vitest'
import type { FakeWidget } from './fakeWidget'

interface Subscribable<T> {
  subscribe(listener: (state: T) => void): () => void
}

/** Wraps `client.subscribe` (before any component reads it) and returns a count of the live subscriptions. */
export function countSubscriptions<T>(client: Subscribable<T>): () => number {
  const subscribe = client.subscribe
  let live = 0
  client.subscribe = (listener) => {
    live++
    const unsubscribe = subscribe(listener)
    let subscribed = true
    return () => {
      if (subscribed) live--
      subscribed = false
      unsubscribe()
    }
  }
  return () => live
}

/** Counts listeners on `window` added from now on and not yet removed (by removeEventListener or their signal). */
export function countWindowListeners(): () => number {
  const live = new Set<{ type: string; listener: unknown }>()
  const { addEventListener, removeEventListener } = window
  vi.spyOn(window, 'addEventListener').mockImplementation((type, listener, options) => {
    const entry = { type, listener }
    live.add(entry)
    if (typeof options == 'object') options.signal?.addEventListener('abort', () => live.delete(entry))
    addEventListener.call(window, type, listener, options)
  })
  vi.spyOn(window, 'removeEventListener').mockImplementation((type, listener, options) => {
    live.forEach((entry) => entry.type == type && entry.listener == listener && live.delete(entry))
    removeEventListener.call(window, type, listener, options)
  })
  return () => live.size
}

/** The widget script the kit added arrives: `widget` goes on the page and every script tag fires `load`. Returns how many tags there were. */
export function runScripts(widget: FakeWidget): number {
  widget.install()
  const scripts = document.querySelectorAll('script')
  scripts.forEach((script) => script.dispatchEvent(new Event('load')))
  return scripts.length
}
