import { register, setIdentity, type Client } from './client'
import { SESSION_SETTLE_MS } from './constants'
import { forgetToken } from './requestToken'

/**
 * The session may have changed behind the app's back: drop the token. After another tab's word (`settle`), the
 * widget stays anonymous while this tab's own auth catches up, then asks the token route; after a return from the
 * back/forward cache it asks at once. Nothing another tab says identifies anyone here.
 */
export function reask(client: Client, settle: boolean): void {
  if (!client._user) return
  __DEV__ && client._debug!('session may have changed elsewhere: asking the token route again')
  forgetToken(client)
  client._hinted = true
  setIdentity(client, 'signed-in')
  clearTimeout(client._settling)
  client._settling = settle ? setTimeout(settled, SESSION_SETTLE_MS, client) : undefined
  if (client._ready) register(client)
}

function settled(client: Client) {
  client._settling = undefined
  if (client._ready) register(client)
}
