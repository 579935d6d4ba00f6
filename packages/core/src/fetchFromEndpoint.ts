import { parseToken, type ParsedToken } from './parseToken'
import { WidgentError } from './WidgentError'

/**
 * The default token source: `GET url` with the user's cookies, answering `{ token, expiresAt? }` (`expiresAt` in ms,
 * as `@widgent/server`'s routes pass it on when Widgent says: the expiry of a token that is not a JWT, in the server's clock).
 */
export async function fetchFromEndpoint(url: string | undefined, signal: AbortSignal): Promise<ParsedToken> {
  if (!url) throw new WidgentError('config', __DEV__ && 'A user is signed in: set tokenEndpoint or fetchToken.')
  // no-store: a token must never sit in a browser cache, and Chromium holds a second GET to the
  // same URL until the first one's headers arrive.
  const response = await fetch(url, { signal, credentials: 'include', cache: 'no-store' })
  if (response.status == 401 || response.status == 403) {
    throw new WidgentError(
      'unauthorized',
      __DEV__ && `${url} answered ${response.status}: signed out on the server, so the widget stays anonymous.`,
      response.status,
    )
  }
  if (!response.ok)
    throw new WidgentError('token-fetch', __DEV__ && `${url} answered ${response.status}.`, response.status)
  let body: { token?: unknown; expiresAt?: unknown }
  try {
    body = await response.json()
  } catch {
    throw new WidgentError(
      'invalid-token',
      __DEV__ && `${url} did not answer JSON { "token": "..." }.`,
      response.status,
    )
  }
  // The route's own clock (Date: a header a same-origin page can read) judges the token's life, not the page's.
  return parseToken(body?.token, body?.expiresAt, Date.parse(response.headers.get('date')!))
}
