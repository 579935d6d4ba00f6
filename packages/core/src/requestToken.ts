import { register, report, setIdentity, setState, type Client } from './client'
import type { FreshToken } from './tokenSource'
import type { WidgentError } from './WidgentError'

/**
 * The current user's token: the request under way or the fresh token, else a new request, which the state follows
 * ('fetching' while it is in flight). An automatic try (`tries`: 1) leaves the state as it is until it ends.
 */
export function requestToken(client: Client, tries?: number): Promise<FreshToken> {
  const user = client._user!
  const promise = client._tokens._get(user, tries)
  if (promise != client._request && !client._tokens._fresh(user.id)) {
    __DEV__ && client._debug!(tries ? 'token: an automatic try' : 'token: request', user.id)
    client._request = promise
    client._recovery._started()
    if (!tries) setIdentity(client, 'fetching')
    promise.then(
      (token) => client._request == promise && arrived(client, token),
      (error: WidgentError) =>
        client._request == promise
          ? failed(client, error, !!tries)
          : __DEV__ && client._debug!('token: discarded, its user left (or the client stopped)', client._user?.id),
    )
  }
  return promise
}

/** Forget the token, the request and any failure: the user changed, or the session may have. */
export function forgetToken(client: Client): void {
  client._tokens._clear()
  client._request = undefined
  client._recovery._reset()
}

function arrived(client: Client, token: FreshToken) {
  client._recovery._reset()
  client._hinted = false
  setIdentity(client, 'identified', { expiresAt: token.expiresAt })
  if (client._owed && client._ready) register(client)
}

function failed(client: Client, error: WidgentError, automatic: boolean) {
  __DEV__ && client._debug!(`token: failed (${error.code})`, error)
  // The sign-out another tab announced, reaching this tab's route before its own auth: anonymous, not an error.
  if (client._hinted && error.code == 'unauthorized') return setIdentity(client, 'anonymous')
  const retryAt = client._recovery._failed(error)
  // onError hears a failure once, not again at every automatic try.
  if (automatic) setState(client, { identity: 'error', error, retryAt })
  else report(client, error, { identity: 'error', retryAt })
}
