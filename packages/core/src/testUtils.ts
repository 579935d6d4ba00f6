import { vi } from 'vitest'

/** A promise whose settling the test controls. */
export function deferred<T>() {
  let resolve!: (value: T) => void
  let reject!: (reason: unknown) => void
  const promise = new Promise<T>((res, rej) => {
    resolve = res
    reject = rej
  })
  return { promise, resolve, reject }
}

const base64url = (value: object) => btoa(JSON.stringify(value)).replace(/=+$/, '').replace(/\+/g, '-').replace(/\//g, '_')

/** A JWT-shaped token (unsigned: the kit only decodes it) for `sub`, expiring `ttlSeconds` from the (possibly fake) now. */
export function jwt(sub: string, ttlSeconds = 3600): string {
  const now = Math.floor(Date.now() / 1000)
  return `${base64url({ alg: 'HS256', typ: 'JWT' })}.${base64url({ sub, iat: now, exp: now + ttlSeconds })}.sig`
}

/** The user a token was minted for. */
export const subOf = (token: string) => (token ? JSON.parse(atob(token.split('.')[1]!.replace(/-/g, '+').replace(/_/g, '/'))).sub : '')

let products = 0
/** A product id no other test used: the core keeps one client per product for the page's lifetime. */
export const uniqueProduct = () => `product-${++products}`

/** A fresh copy of the kit: its page-wide loader state starts empty. */
export async function freshKit() {
  vi.resetModules()
  document.head.innerHTML = ''
  document.body.innerHTML = ''
  delete window.widgent
  return import('./index')
}

/** Let every queued promise callback run (no timers move). */
export const flush = async () => {
  for (let i = 0; i < 20; i++) await Promise.resolve()
}
