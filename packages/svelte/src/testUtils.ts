import { installFakeWidget } from '@widgent/config/fakeWidget'
import type { WidgentClient, WidgentOptions, WidgentUser } from '@widgent/core'
import { vi } from 'vitest'

/** A promise whose settling the test controls. */
export function deferred<T>() {
  let resolve!: (value: T) => void
  const promise = new Promise<T>((res) => (resolve = res))
  return { promise, resolve }
}

const base64url = (value: object) => btoa(JSON.stringify(value)).replace(/=+$/, '').replace(/\+/g, '-').replace(/\//g, '_')

/** A JWT-shaped token for `sub` that expires in an hour (the kit decodes it; Widgent verifies it). */
export const jwt = (sub: string) => `${base64url({ alg: 'HS256' })}.${base64url({ sub, exp: Math.floor(Date.now() / 1e3) + 3600 })}.sig`

/** The user a token was minted for; '' for anonymous. */
export const subOf = (token: string): string => token && JSON.parse(atob(token.split('.')[1]!.replace(/-/g, '+').replace(/_/g, '/'))).sub

let products = 0

/**
 * A fake widget and options for a product no other test used (the core keeps one client per product for
 * the page's lifetime). `fetchToken` answers at once unless the test queues a deferred answer in `answers`.
 */
export function setup({ ready = true, ...extra }: Partial<WidgentOptions> & { ready?: boolean } = {}) {
  const widget = installFakeWidget({ ready })
  const answers: Array<Promise<string>> = []
  const fetchToken = vi.fn((user: WidgentUser, _ctx: { signal: AbortSignal }) => answers.shift() ?? Promise.resolve(jwt(user.id)))
  const options: WidgentOptions = { productId: `product-${++products}`, serviceKey: 'key', fetchToken, ...extra }
  return { widget, fetchToken, answers, options }
}

/** Wraps `client.subscribe` (before any component reads it) and returns a count of the live subscriptions. */
export function countSubscriptions(client: WidgentClient) {
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
export function countWindowListeners() {
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

/** The widget script the kit injected finished loading, as a browser would report it. */
export function loadScript() {
  const scripts = document.querySelectorAll('script')
  scripts.forEach((script) => script.dispatchEvent(new Event('load')))
  return scripts.length
}

/** Let every queued promise callback run (no timers move). */
export async function flush() {
  for (let i = 0; i < 20; i++) await Promise.resolve()
}
