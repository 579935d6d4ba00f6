/**
 * Whether a page origin is one of a product's registered origins. A pattern ending in `:*` matches any port
 * (or none) of that scheme and host, so `http://localhost:*` covers every local dev server.
 */
export function matchOrigin(origin: string | undefined, patterns: readonly string[]): boolean {
  if (!origin) return false
  let page: URL
  try {
    page = new URL(origin)
  } catch {
    return false
  }
  return patterns.some((pattern) => {
    if (!pattern.endsWith(':*')) return pattern.replace(/\/$/, '') == page.origin
    return `${page.protocol}//${page.hostname}` == pattern.slice(0, -2)
  })
}

const LOOPBACK = ['localhost', '127.0.0.1', '[::1]']

/** Any page served from this machine: the emulator's own test endpoints (the log, the faults) trust those. */
export const isLoopbackOrigin = (origin: string | undefined): boolean => {
  try {
    return !!origin && LOOPBACK.includes(new URL(origin).hostname)
  } catch {
    return false
  }
}
