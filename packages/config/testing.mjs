import { vi } from 'vitest'
import { installFakeWidget } from './fakeWidget.mjs'

/** Helpers the packages' unit tests share (jsdom). */

/** A promise whose settling the test controls. */
export function deferred() {
  let resolve
  let reject
  const promise = new Promise((res, rej) => {
    resolve = res
    reject = rej
  })
  return { promise, resolve, reject }
}

const base64url = (value) => btoa(JSON.stringify(value)).replace(/=+$/, '').replace(/\+/g, '-').replace(/\//g, '_')

/** A JWT-shaped token (unsigned: the kit only decodes it) for `sub`, expiring `ttlSeconds` from the (possibly fake) now. */
export function jwt(sub, ttlSeconds = 3600) {
  const now = Math.floor(Date.now() / 1000)
  return `${base64url({ alg: 'HS256', typ: 'JWT' })}.${base64url({ sub, iat: now, exp: now + ttlSeconds })}.sig`
}

/** The user a token was minted for; '' for anonymous. */
export const subOf = (token) => (token ? JSON.parse(atob(token.split('.')[1].replace(/-/g, '+').replace(/_/g, '/'))).sub : '')

let products = 0
/** A product id no other test used: the core keeps one client per product for the page's lifetime. */
export const uniqueProduct = () => `product-${++products}`

/** Let every queued promise callback run (no timers move). */
export async function flush() {
  for (let i = 0; i < 20; i++) await Promise.resolve()
}

/**
 * A fake widget and options for a fresh product. `fetchToken` answers at once unless the test queues a
 * deferred answer in `answers`.
 */
export function setup({ ready = true, ...extra } = {}) {
  const widget = installFakeWidget({ ready })
  const answers = []
  const fetchToken = vi.fn((user, _ctx) => answers.shift() ?? Promise.resolve(jwt(user.id)))
  const options = { productId: uniqueProduct(), serviceKey: 'key', fetchToken, ...extra }
  return { widget, fetchToken, answers, options }
}

/** Wraps `client.subscribe` (before any component reads it) and returns a count of the live subscriptions. */
export function countSubscriptions(client) {
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
  const live = new Set()
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
