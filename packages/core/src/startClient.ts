import { register, type Client } from './client'
import { reask } from './reask'
import { openTabChannel } from './tabChannel'
import { watchPage } from './watchPage'

/** The client runs (if it did not yet): it hears the origin's other tabs and the page's events until destroy(). */
export function startClient(client: Client): AbortController {
  if (client._run) return client._run
  const run = (client._run = new AbortController())
  client._tabs = openTabChannel(
    client._options.productId,
    {
      _changed: (userId) => client._user && userId !== client._user.id && reask(client, true),
      // Only the token of the user signed in here, for a tab whose user is the same.
      _asked: (userId) => (client._user?.id == userId ? client._tokens._fresh(userId) : undefined),
    },
    run.signal,
  )
  watchPage(
    {
      _online: () => client._recovery._trigger('online'),
      _visible: () => client._recovery._trigger('visible'),
      _restored: () => reask(client, false),
      // Only once ready: the kit's own load hears its ready event itself.
      _widgetReady: () => client._ready && register(client),
    },
    run.signal,
  )
  return run
}
