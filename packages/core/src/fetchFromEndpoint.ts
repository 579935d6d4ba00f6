import { WidgentError } from './WidgentError'

/** The default token source: `GET url` with the user's cookies, answering `{ token }`. */
export async function fetchFromEndpoint(url: string, signal: AbortSignal): Promise<unknown> {
  // no-store: a token must never sit in a browser cache, and Chromium holds a second GET to the
  // same URL until the first one's headers arrive.
  const response = await fetch(url, { credentials: 'include', cache: 'no-store', signal })
  const { status } = response
  if (status == 401 || status == 403) {
    throw new WidgentError('unauthorized', __DEV__ && `${url} answered ${status}: signed out on the server, so the widget stays anonymous.`, status)
  }
  if (!response.ok) throw new WidgentError('token-fetch', __DEV__ && `${url} answered ${status}.`, status)
  try {
    return (await response.json()).token
  } catch {
    throw new WidgentError('invalid-token', __DEV__ && `${url} did not answer JSON { "token": "..." }.`, status)
  }
}
