import type { DOMWindow } from 'jsdom'

const SIMPLE_HEADERS = ['accept', 'accept-language', 'content-language']
const SIMPLE_TYPES = ['application/x-www-form-urlencoded', 'multipart/form-data', 'text/plain']

/**
 * `fetch` for a jsdom page (jsdom has none): real HTTP from Node, with the page's Origin, a preflight
 * when a browser would send one, and the browser's refusal when the answer carries no allowance.
 */
export function browserFetch(window: DOMWindow): typeof fetch {
  return async (input, init = {}) => {
    const url = new URL(String(input), window.location.href)
    const origin = window.location.origin
    const method = (init.method ?? 'GET').toUpperCase()
    const headers = new Headers(init.headers)
    if (url.origin == origin) return fetch(url, init)
    const unsafe = [...headers].filter(
      ([name, value]) =>
        !SIMPLE_HEADERS.includes(name) && !(name == 'content-type' && SIMPLE_TYPES.includes(value.split(';')[0]!)),
    )
    const allowed = (response: Response) =>
      [origin, '*'].includes(response.headers.get('access-control-allow-origin') ?? '')
    if (unsafe.length || !['GET', 'HEAD', 'POST'].includes(method)) {
      const preflight = await fetch(url, {
        method: 'OPTIONS',
        headers: {
          Origin: origin,
          'Access-Control-Request-Method': method,
          'Access-Control-Request-Headers': unsafe.map(([name]) => name).join(','),
        },
      })
      const allowedHeaders = (preflight.headers.get('access-control-allow-headers') ?? '').toLowerCase().split(/,\s*/)
      if (!preflight.ok || !allowed(preflight) || !unsafe.every(([name]) => allowedHeaders.includes(name))) {
        throw new TypeError(`Failed to fetch (CORS preflight refused for ${origin})`)
      }
    }
    headers.set('Origin', origin)
    const response = await fetch(url, { ...init, headers })
    if (!allowed(response)) throw new TypeError(`Failed to fetch (no CORS allowance for ${origin})`)
    return response
  }
}
