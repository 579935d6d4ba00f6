import type { AuthWait } from './waitForAuth'
import type { createStore } from './createStore'
import type { Debug } from './debug'
import type { Command, HeldCommands } from './heldCommands'
import type { Recovery } from './recovery'
import type { TabChannel } from './tabChannel'
import type { FreshToken, TokenSource } from './tokenSource'
import type { WidgentError } from './WidgentError'
import type { WidgentOptions, WidgentState, WidgentUser } from './types'

/**
 * One client, in one record: who the user is, what the token request is doing, what the widget was told. The store's
 * state is what the app sees of it; every part of the client reads and moves this record, none keeps a copy.
 */
export interface Client {
  _options: WidgentOptions
  _store: ReturnType<typeof createStore<WidgentState>>
  _tokens: TokenSource
  _recovery: Recovery
  _authWait: AuthWait
  _held: HeldCommands
  /** What the widget calls (stable: the widget keeps it). */
  _fetcher: () => Promise<string>
  _debug?: Debug
  _mounts: Set<object>
  /** From the start to destroy(): aborting it ends the load's retries, the idle wait, the page listeners and the tab channel. */
  _run?: AbortController
  /** The other tabs of the origin, while the client runs: user changes both ways, tokens shared. */
  _tabs?: TabChannel
  _loading?: Promise<void>
  /** A failed load: it stays in state, whatever else changes, until the next load(). */
  _loadError: WidgentError | null
  /** The load settled well and the fetcher is registered: commands go straight to the widget. */
  _ready?: boolean
  /** The settled user: undefined until auth first settles. */
  _user?: WidgentUser | null
  /** The token request the client follows: the outcome of any other is stale (its user left, or refresh()). */
  _request?: Promise<FreshToken>
  /** The widget was answered '' for a signed-in user (a failure, or no token in time): the next token is owed to it. */
  _owed?: boolean
  /** Another tab changed the session: the widget stays anonymous until this tab's auth has had time to say so. */
  _settling?: ReturnType<typeof setTimeout>
  /** The session may have ended elsewhere: a 401 now is that sign-out, not an error. */
  _hinted?: boolean
}

export const initialState: WidgentState = {
  widget: 'idle',
  identity: 'unknown',
  user: null,
  expiresAt: null,
  error: null,
  retryAt: null,
}

/** Patch the app's state; a failed load stays in it until the next load(). */
export const setState = (client: Client, patch: Partial<WidgentState>) =>
  client._store.set({ error: client._loadError, ...patch })

/** A new identity: the token's expiry and the next automatic try belonged to the one before, unless `patch` says. */
export const setIdentity = (client: Client, identity: WidgentState['identity'], patch?: Partial<WidgentState>) =>
  setState(client, { identity, expiresAt: null, retryAt: null, ...patch })

/** A failure the app hears of: in state, and in `onError`. */
export const report = (client: Client, error: WidgentError, patch: Partial<WidgentState>) => {
  setState(client, { ...patch, error })
  // In a task of its own: a throwing onError is reported by the browser and cannot break the kit.
  queueMicrotask(() => client._options.onError?.(error))
}

export const call = (...command: Command) => window.widgent!(...command)

/** Registering the fetcher is how the widget is made to ask (the one thing the kit assumes of it). */
export const register = (client: Client) => {
  __DEV__ && client._debug!('widget: fetcher registered, so the widget asks')
  client._owed = false
  call('setIdentityTokenFetcher', client._fetcher)
}
