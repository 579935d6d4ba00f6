import type { WidgentState } from '@widgent/core'

const WIDGET = { idle: 'not started', loading: 'loading…', ready: 'ready', error: 'failed to load' } as const

/**
 * The status line: data attributes for tests and devtools, a sentence for people, a detail line (the
 * error's message, when the kit tries again by itself, or how long the token lasts), and whether the Retry
 * button has anything to retry.
 */
export function describeState({ widget, identity, user, expiresAt, error, retryAt }: WidgentState) {
  const who = user ? user.name || user.id : ''
  const identityText = {
    unknown: 'waiting for auth',
    anonymous: 'anonymous',
    'signed-in': `signed in as ${who}; the widget will ask for a token when it loads`,
    fetching: `fetching a token for ${who}`,
    identified: `identified as ${who}`,
    error: user ? `no token for ${who}` : 'no token',
  }[identity]
  return {
    attributes: {
      'data-widget': widget,
      'data-identity': identity,
      'data-user': user?.id ?? '',
      'data-error': error?.code ?? '',
      // The kit tries again by itself: an app shows "reconnecting…".
      'data-retrying': retryAt ? 'true' : '',
      // When (ms since the epoch): a test tells a try of the kit's own from one a browser event caused.
      'data-retry-at': retryAt ? String(retryAt) : '',
    },
    text: `Widget ${WIDGET[widget]} · identity: ${identityText}`,
    detail: error
      ? {
          className: 'error',
          text: retryAt
            ? `Reconnecting by itself at ${new Date(retryAt).toLocaleTimeString()}… (${error.code})`
            : error.message,
        }
      : expiresAt && identity == 'identified'
        ? { className: 'note', text: `Token valid until ${new Date(expiresAt).toLocaleTimeString()}` }
        : null,
    canRetry: widget == 'error' || identity == 'error',
  }
}
