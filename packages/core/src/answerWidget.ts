import { answerInTime } from './answerInTime'
import type { Client } from './client'
import { DEFAULT_TOKEN_TIMEOUT_MS } from './constants'
import { requestToken } from './requestToken'

/** Whether the widget may be given a token now: a user signed in, no failure standing, no session settling. */
export function mayAsk(client: Client): boolean {
  const { identity } = client._store.getSnapshot()
  return !!client._user && !!client._run && !client._settling && identity != 'error' && identity != 'anonymous'
}

/**
 * What the widget calls. Stable, never throws, answers within `tokenTimeoutMs` once auth has settled, and only
 * with the token of the user signed in when it answers: if auth moves on while it waits, it answers for the new user.
 */
export async function answerWidget(client: Client): Promise<string> {
  if (client._user === undefined && client._run) await client._authWait._wait()
  for (;;) {
    if (!mayAsk(client)) {
      if (client._user && client._run) client._owed = true
      return ''
    }
    const { id } = client._user!
    const timeoutMs = client._options.tokenTimeoutMs ?? DEFAULT_TOKEN_TIMEOUT_MS
    const token = await answerInTime(requestToken(client), timeoutMs, null).catch(() => null)
    // Its user left meanwhile (or the client stopped): ask again for whoever is signed in now.
    if (client._user?.id != id || !client._run) continue
    // Still held for this user: nothing dropped or replaced it meanwhile.
    if (token && client._tokens._fresh(id) == token) return token.token
    client._owed = true
    return ''
  }
}
