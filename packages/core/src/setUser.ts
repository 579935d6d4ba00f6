import { assertUser } from './assertOptions'
import { call, register, setIdentity, type Client } from './client'
import { forgetToken } from './requestToken'
import { tellWidgetUserChanged } from './tellWidgetUserChanged'
import type { WidgentUser } from './types'

/** The app's auth state: `undefined` while it loads, `null` signed out, else the user. */
export function setUser(client: Client, next: WidgentUser | null | undefined): void {
  if (next === undefined) return // auth loading: a blip must not sign anyone out
  assertUser(next)
  const previous = client._user
  client._user = next // a new object for the same user changes what the next request sends, nothing else
  if (previous !== undefined && next?.id === previous?.id) return
  __DEV__ &&
    client._debug!(
      `user: ${previous?.id ?? (previous === null ? 'signed out' : 'unknown')} -> ${next?.id ?? 'signed out'}`,
    )
  clearTimeout(client._settling)
  client._settling = undefined
  client._hinted = false
  // A token is only ever handed out for the user it was asked for; a remount keeps that user's fresh one.
  const cached = next && client._tokens._fresh(next.id)
  if (!cached) forgetToken(client)
  setIdentity(client, cached ? 'identified' : next ? 'signed-in' : 'anonymous', {
    user: next,
    expiresAt: cached ? cached.expiresAt : null,
  })
  // A change, not auth settling on page load: the other tabs ask their own token routes again.
  if (previous !== undefined) client._tabs?._tell(next?.id ?? null)
  // A fetcher call waiting for auth answers for this user itself; otherwise a ready widget must ask again.
  if (!client._authWait._settle() && client._ready)
    tellWidgetUserChanged(call, () => register(client), previous, next, client._options.resetCommand)
}
