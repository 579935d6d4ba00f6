import type { FreshToken } from './tokenSource'

export interface KeptToken {
  /** The token kept for `userId`, while it is fresh; a stale one is removed. */
  _read(userId: string): FreshToken | undefined
  _write(userId: string, token: FreshToken): void
  _remove(): void
}

/**
 * The tab's current token in sessionStorage (`tokenStorage: 'sessionStorage'`), so the next page load of the same
 * user is identified with no request. One entry per product, holding the user id it belongs to; removed at sign-out,
 * on a change of user, and once stale. Storage that throws (turned off, full) keeps nothing.
 */
export function keptToken(productId: string): KeptToken {
  const key = `widgent:token:${productId}`
  const kept: KeptToken = {
    _read(userId) {
      try {
        const entry = JSON.parse(sessionStorage.getItem(key)!) as { id: string; token: FreshToken } | null
        if (entry && Date.now() >= entry.token.freshUntil) kept._remove()
        else if (entry?.id == userId) return entry.token
      } catch {
        // Nothing kept, or nothing readable: the token route decides.
      }
    },
    _write(userId, token) {
      try {
        sessionStorage.setItem(key, JSON.stringify({ id: userId, token }))
      } catch {
        // Not kept: the next page load asks the token route.
      }
    },
    _remove() {
      try {
        sessionStorage.removeItem(key)
      } catch {
        // Storage turned off: nothing was kept.
      }
    },
  }
  return kept
}
