import { initialState, setState, type Client } from './client'

/** Stops everything the client runs and forgets all but a fresh token, which a remount of the same user takes up. */
export function destroyClient(client: Client): void {
  client._run?.abort()
  // A fresh token survives (only its user is ever given it); a request under way or a failure does not.
  client._tokens._stop()
  client._recovery._reset()
  client._authWait._settle()
  client._held._clear()
  clearTimeout(client._settling)
  client._run = client._loading = client._user = client._tabs = client._settling = client._request = undefined
  client._loadError = null
  client._ready = client._owed = client._hinted = false
  client._mounts.clear()
  setState(client, initialState)
}
