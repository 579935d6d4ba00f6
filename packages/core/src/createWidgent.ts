import { answerWidget } from './answerWidget'
import { assertOptions } from './assertOptions'
import { call, initialState, register, setIdentity, type Client } from './client'
import { DEFAULT_AUTH_TIMEOUT_MS } from './constants'
import { createStore } from './createStore'
import { createDebug } from './debug'
import { destroyClient } from './destroyClient'
import { createHeldCommands } from './heldCommands'
import { loadClient } from './loadClient'
import { createRecovery } from './recovery'
import { forgetToken, requestToken } from './requestToken'
import { scheduleLoad } from './scheduleLoad'
import { setUser } from './setUser'
import { startClient } from './startClient'
import { createTokenSource } from './tokenSource'
import { createAuthWait } from './waitForAuth'
import type { WidgentClient, WidgentOptions } from './types'

// One client per product for the page's lifetime, so StrictMode's double render, a second provider and a
// remount all share one widget, one fetcher and one token cache.
const clients = new Map<string, WidgentClient>()

/** The client for `options.productId`: created on the first call (the first options win), shared after. Touches no DOM. */
export function createWidgent(options: WidgentOptions): WidgentClient {
  assertOptions(options)
  // On the server each render stands alone: a shared client would share its user between requests.
  if (typeof window == 'undefined') return newClient(options)
  let client = clients.get(options.productId)
  if (!client) clients.set(options.productId, (client = newClient(options)))
  return client
}

/**
 * The identity controller: the client's record (`client.ts`) and the parts that move it, wired to the app. The store's
 * state is the one record of identity the app sees: the fetcher and recovery read it.
 */
function newClient(options: WidgentOptions): WidgentClient {
  const client: Client = {
    _options: options,
    _store: createStore(initialState),
    _tokens: createTokenSource(options, (userId) => client._tabs?._ask(userId)),
    _recovery: createRecovery(() => client._user && client._run && requestToken(client, 1)),
    _authWait: createAuthWait(options.authTimeoutMs ?? DEFAULT_AUTH_TIMEOUT_MS),
    _held: createHeldCommands(),
    _fetcher: () => answerWidget(client),
    _mounts: new Set(),
    _loadError: null,
  }
  if (__DEV__) client._debug = createDebug(options)
  const { _store: store, _mounts: mounts } = client

  return {
    load: () => loadClient(client),
    mount() {
      const mount = {}
      mounts.add(mount)
      if (!client._run && typeof window != 'undefined')
        scheduleLoad(options.load ?? 'idle', () => void loadClient(client), startClient(client).signal)
      // The last unmount destroys; StrictMode's unmount and remount revive the same client.
      return () => {
        if (mounts.delete(mount) && !mounts.size) destroyClient(client)
      }
    },
    setUser: (next) => setUser(client, next),
    async refresh() {
      if (store.getSnapshot().identity != 'fetching') {
        forgetToken(client)
        if (client._user) setIdentity(client, 'signed-in')
      }
      if (client._ready) register(client)
      if (client._user && client._run) await requestToken(client).catch(() => {})
    },
    getSnapshot: store.getSnapshot,
    subscribe: store.subscribe,
    command(...command) {
      if (client._ready) return call(...command)
      client._held._hold(command)
      // 'interaction': the app's first command is intent enough.
      if (options.load == 'interaction' && mounts.size) void loadClient(client)
    },
    destroy: () => destroyClient(client),
  }
}
