import { answerInTime } from './answerInTime'
import { assertOptions, assertUser } from './assertOptions'
import { DEFAULT_AUTH_TIMEOUT_MS, DEFAULT_TOKEN_TIMEOUT_MS, SESSION_SETTLE_MS } from './constants'
import { createStore } from './createStore'
import { createDebug } from './debug'
import { createHeldCommands, type Command } from './heldCommands'
import { loadScript } from './loadWidgent'
import { createRecovery } from './recovery'
import { retry } from './retryer'
import { scheduleLoad } from './scheduleLoad'
import { openTabChannel, type TabChannel } from './tabChannel'
import { tellWidgetUserChanged } from './tellWidgetUserChanged'
import { createTokenSource, type FreshToken } from './tokenSource'
import { createAuthWait } from './waitForAuth'
import { watchPage } from './watchPage'
import type { WidgentError } from './WidgentError'
import type { WidgentClient, WidgentOptions, WidgentState, WidgentUser } from './types'

// One client per product for the page's lifetime, so StrictMode's double render, a second provider and a
// remount all share one widget, one fetcher and one token cache.
const clients = new Map<string, WidgentClient>()

const initialState: WidgentState = {
  widget: 'idle',
  identity: 'unknown',
  user: null,
  expiresAt: null,
  error: null,
  retryAt: null,
}

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
 * The identity controller: wires the script loader, the token source, recovery and the tab channel to the widget
 * and the app's auth state. The store's state is the one record of identity: the fetcher and recovery read it.
 */
function newClient(options: WidgentOptions): WidgentClient {
  const store = createStore(initialState)
  const debug = __DEV__ ? createDebug(options) : undefined
  const tokens = createTokenSource(options, (userId) => tabs?._ask(userId))
  const recovery = createRecovery(() => user && run && requestToken(1))
  const authWait = createAuthWait(options.authTimeoutMs ?? DEFAULT_AUTH_TIMEOUT_MS)
  const held = createHeldCommands()
  const mounts = new Set<object>()
  // From the start to destroy(): aborting it ends the load's retries, the idle wait, the page listeners and the tab channel.
  let run: AbortController | undefined
  // The other tabs of the origin, while the client runs: user changes both ways, tokens shared.
  let tabs: TabChannel | undefined
  let loading: Promise<void> | undefined
  // A failed load: it stays in state, whatever else changes, until the next load().
  let loadError: WidgentError | null = null
  // The load settled well and the fetcher is registered: commands go straight to the widget.
  let ready = false
  // The settled user: undefined until auth first settles.
  let user: WidgentUser | null | undefined
  // The token request the client follows: the outcome of any other is stale (its user left, or refresh()).
  let request: Promise<FreshToken> | undefined
  // The widget was answered '' for a signed-in user (a failure, or no token in time): the next token is owed to it.
  let owed = false
  // Another tab changed the session: the widget stays anonymous until this tab's auth has had time to say so.
  let settling: ReturnType<typeof setTimeout> | undefined
  // The session may have ended elsewhere: a 401 now is that sign-out, not an error.
  let hinted = false

  const set = (patch: Partial<WidgentState>) => store.set({ error: loadError, ...patch })
  // A new identity: the token's expiry and the next automatic try belonged to the one before, unless `patch` says.
  const setIdentity = (identity: WidgentState['identity'], patch?: Partial<WidgentState>) =>
    set({ identity, expiresAt: null, retryAt: null, ...patch })

  const report = (error: WidgentError, patch: Partial<WidgentState>) => {
    set({ ...patch, error })
    // In a task of its own: a throwing onError is reported by the browser and cannot break the kit.
    queueMicrotask(() => options.onError?.(error))
  }

  const call = (...command: Command) => window.widgent!(...command)

  const register = () => {
    __DEV__ && debug!('widget: fetcher registered, so the widget asks')
    owed = false
    call('setIdentityTokenFetcher', fetcher)
  }

  /** Forget the token, the request and any failure: the user changed, or the session may have. */
  const forget = () => {
    tokens._clear()
    request = undefined
    recovery._reset()
  }

  const arrived = (token: FreshToken) => {
    recovery._reset()
    hinted = false
    setIdentity('identified', { expiresAt: token.expiresAt })
    // Registering again is how the widget is made to ask (the one thing the kit assumes of it).
    if (owed && ready) register()
  }

  const failed = (error: WidgentError, automatic: boolean) => {
    __DEV__ && debug!(`token: failed (${error.code})`, error)
    // The sign-out another tab announced, reaching this tab's route before its own auth: anonymous, not an error.
    if (hinted && error.code == 'unauthorized') return setIdentity('anonymous')
    const retryAt = recovery._failed(error)
    // onError hears a failure once, not again at every automatic try.
    if (automatic) set({ identity: 'error', error, retryAt })
    else report(error, { identity: 'error', retryAt })
  }

  /**
   * The current user's token: the request under way or the fresh token, else a new request, which the state follows
   * ('fetching' while it is in flight). An automatic try (`tries`: 1) leaves the state as it is until it ends.
   */
  const requestToken = (tries?: number) => {
    const promise = tokens._get(user!, tries)
    if (promise != request && !tokens._fresh(user!.id)) {
      __DEV__ && debug!(tries ? 'token: an automatic try' : 'token: request', user!.id)
      request = promise
      recovery._started()
      if (!tries) setIdentity('fetching')
      promise.then(
        (token) => request == promise && arrived(token),
        (error: WidgentError) =>
          request == promise
            ? failed(error, !!tries)
            : __DEV__ && debug!('token: discarded, its user left (or the client stopped)', user?.id),
      )
    }
    return promise
  }

  /** Whether the widget may be given a token now: a user signed in, no failure standing, no session settling. */
  const mayAsk = () => {
    const { identity } = store.getSnapshot()
    return !!user && !!run && !settling && identity != 'error' && identity != 'anonymous'
  }

  /**
   * What the widget calls. Stable, never throws, answers within `tokenTimeoutMs` once auth has settled, and only
   * with the token of the user signed in when it answers: if auth moves on while it waits, it answers for the new user.
   */
  const fetcher = async (): Promise<string> => {
    if (user === undefined && run) await authWait._wait()
    for (;;) {
      if (!mayAsk()) {
        if (user && run) owed = true
        return ''
      }
      const { id } = user!
      const token = await answerInTime(requestToken(), options.tokenTimeoutMs ?? DEFAULT_TOKEN_TIMEOUT_MS, null).catch(
        () => null,
      )
      // Its user left meanwhile (or the client stopped): ask again for whoever is signed in now.
      if (user?.id != id || !run) continue
      // Still held for this user: nothing dropped or replaced it meanwhile.
      if (token && tokens._fresh(id) == token) return token.token
      owed = true
      return ''
    }
  }

  /**
   * The session may have changed behind the app's back: drop the token. After another tab's word (`settle`), the
   * widget stays anonymous while this tab's own auth catches up, then asks the token route; after a return from the
   * back/forward cache it asks at once. Nothing another tab says identifies anyone here.
   */
  const reask = (settle: boolean) => {
    if (!user) return
    __DEV__ && debug!('session may have changed elsewhere: asking the token route again')
    forget()
    hinted = true
    setIdentity('signed-in')
    clearTimeout(settling)
    settling = settle ? setTimeout(settled, SESSION_SETTLE_MS) : undefined
    if (ready) register()
  }

  const settled = () => {
    settling = undefined
    if (ready) register()
  }

  const start = () => {
    if (run) return run
    run = new AbortController()
    tabs = openTabChannel(
      options.productId,
      {
        _changed: (userId) => user && userId !== user.id && reask(true),
        // Only the token of the user signed in here, for a tab whose user is the same.
        _asked: (userId) => (user?.id == userId ? tokens._fresh(userId) : undefined),
      },
      run.signal,
    )
    watchPage(
      {
        _online: () => recovery._trigger('online'),
        _visible: () => recovery._trigger('visible'),
        _restored: () => reask(false),
        // Only once ready: the kit's own load hears its ready event itself.
        _widgetReady: () => ready && register(),
      },
      run.signal,
    )
    return run
  }

  const widgetReady = () => {
    ready = true
    set({ widget: 'ready' })
    register()
    held._release(call)
  }

  const load = async () => {
    if (typeof window == 'undefined') return
    if (!loading || loadError) {
      const { signal } = start()
      loadError = null
      set({ widget: 'loading' })
      // The token is asked for beside the script, so the widget gets it the moment it is ready to ask.
      if (mayAsk()) requestToken()
      loading = retry(() => loadScript(options), signal).then(
        () => {
          if (!signal.aborted) widgetReady()
        },
        (error: WidgentError) => {
          if (signal.aborted) return
          loadError = error
          __DEV__ && debug!(`widget: load failed (${error.code})`, error)
          report(error, { widget: 'error' })
        },
      )
    }
    await loading
  }

  const destroy = () => {
    run?.abort()
    // A fresh token survives, for a remount of the same user (only its user is ever given it); a request under way
    // or a failure does not.
    tokens._stop()
    request = undefined
    recovery._reset()
    authWait._settle()
    held._clear()
    clearTimeout(settling)
    run = loading = user = tabs = settling = undefined
    loadError = null
    ready = owed = hinted = false
    mounts.clear()
    set(initialState)
  }

  return {
    load,
    mount() {
      const mount = {}
      mounts.add(mount)
      if (!run && typeof window != 'undefined') scheduleLoad(options.load ?? 'idle', () => void load(), start().signal)
      // The last unmount destroys; StrictMode's unmount and remount revive the same client.
      return () => {
        if (mounts.delete(mount) && !mounts.size) destroy()
      }
    },
    setUser(next) {
      if (next === undefined) return // auth loading: a blip must not sign anyone out
      assertUser(next)
      const previous = user
      user = next // a new object for the same user changes what the next request sends, nothing else
      if (previous !== undefined && next?.id === previous?.id) return
      __DEV__ &&
        debug!(`user: ${previous?.id ?? (previous === null ? 'signed out' : 'unknown')} -> ${next?.id ?? 'signed out'}`)
      clearTimeout(settling)
      settling = undefined
      hinted = false
      // A token is only ever handed out for the user it was asked for; a remount keeps that user's fresh one.
      const cached = next && tokens._fresh(next.id)
      if (!cached) forget()
      setIdentity(cached ? 'identified' : next ? 'signed-in' : 'anonymous', {
        user: next,
        expiresAt: cached ? cached.expiresAt : null,
      })
      // A change, not auth settling on page load: the other tabs ask their own token routes again.
      if (previous !== undefined) tabs?._tell(next?.id ?? null)
      // A fetcher call waiting for auth answers for this user itself; otherwise a ready widget must ask again.
      if (!authWait._settle() && ready) tellWidgetUserChanged(call, register, previous, next, options.resetCommand)
    },
    async refresh() {
      if (store.getSnapshot().identity != 'fetching') {
        forget()
        if (user) setIdentity('signed-in')
      }
      if (ready) register()
      if (user && run) await requestToken().catch(() => {})
    },
    getSnapshot: store.getSnapshot,
    subscribe: store.subscribe,
    command(...command) {
      if (ready) return call(...command)
      held._hold(command)
      // 'interaction': the app's first command is intent enough.
      if (options.load == 'interaction' && mounts.size) void load()
    },
    destroy,
  }
}
