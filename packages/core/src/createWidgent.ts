import { assertOptions, assertUser } from './assertOptions'
import { DEFAULT_AUTH_TIMEOUT_MS, DEFAULT_TOKEN_TIMEOUT_MS } from './constants'
import { createStore } from './createStore'
import { createDebug } from './debug'
import { loadScript } from './loadWidgent'
import { retry } from './retryer'
import { savesData } from './savesData'
import { createTokenSource, type TokenRequest } from './tokenSource'
import { openTabChannel } from './tabChannel'
import { watchPage } from './watchPage'
import { whenIdle } from './whenIdle'
import type { WidgentError } from './WidgentError'
import type { WidgentClient, WidgentOptions, WidgentState, WidgentUser } from './types'

// One client per product for the page's lifetime, so StrictMode's double render, a second provider and a
// remount all share one widget, one fetcher and one token cache.
const clients = new Map<string, WidgentClient>()

const initialState: WidgentState = { widget: 'idle', identity: 'unknown', user: null, expiresAt: null, error: null, retryAt: null }

/** The client for `options.productId`: created on the first call (the first options win), shared after. Touches no DOM. */
export function createWidgent(options: WidgentOptions): WidgentClient {
  assertOptions(options)
  // On the server each render stands alone: a shared client would share its user between requests.
  if (typeof window == 'undefined') return newClient(options)
  let client = clients.get(options.productId)
  if (!client) clients.set(options.productId, (client = newClient(options)))
  return client
}

/** The identity controller: ties the script loader and the token source to the widget and the app's auth state. */
function newClient(options: WidgentOptions): WidgentClient {
  const store = createStore(initialState)
  const debug = __DEV__ ? createDebug(options) : undefined
  const mounts = new Set<object>()
  // From the start to destroy(): aborting it ends the load's retries, the idle wait, the page listeners and the tab channel.
  let run: AbortController | undefined
  // Tells the other tabs of the origin that the user changed, while the client runs.
  let tellTabs: ((userId: string | null) => void) | undefined
  let loading: Promise<void> | undefined
  // A failed load: it stays in state, whatever else changes, until the next load().
  let loadError: WidgentError | null = null
  // The load settled well and the fetcher is registered: commands go straight to the widget. Until then they wait here.
  let ready = false
  let held: Array<[string, ...unknown[]]> = []
  // The settled user: undefined until auth first settles.
  let user: WidgentUser | null | undefined
  let authWait: Promise<void> | undefined
  let settleAuth: (() => void) | undefined
  // The widget was answered '' for a signed-in user (a failure, or no token in time): the next token is owed to it.
  let owed = false

  const set = (patch: Partial<WidgentState>) => store.set({ error: loadError, ...patch })

  const report = (error: WidgentError, patch: Partial<WidgentState>) => {
    set({ ...patch, error })
    // In a task of its own: a throwing onError is reported by the browser and cannot break the kit.
    queueMicrotask(() => options.onError?.(error))
  }

  const call = (...command: [string, ...unknown[]]) => window.widgent!(...command)

  const register = () => {
    __DEV__ && debug!('widget: fetcher registered, so the widget asks')
    owed = false
    call('setIdentityTokenFetcher', fetcher)
  }

  const tokens = createTokenSource(options, {
    fetching: () => set({ identity: 'fetching', expiresAt: null, retryAt: null }),
    arrived({ expiresAt }) {
      set({ identity: 'identified', expiresAt, retryAt: null })
      // Registering again is how the widget is made to ask (the one thing the kit assumes of it).
      if (owed && ready) register()
    },
    // onError hears a failure once, not again at every automatic try.
    failed: (error, retryAt, again) => (again ? set({ identity: 'error', error, retryAt }) : report(error, { identity: 'error', retryAt })),
  }, debug)

  /**
   * The session may have changed behind the app's back (another tab signed out or switched user; the page came
   * back from the back/forward cache): drop the token and make the widget ask our own token route again. Nothing
   * another tab says identifies anyone here.
   */
  const reask = () => {
    if (!user) return
    __DEV__ && debug!('session may have changed elsewhere: asking the token route again')
    tokens.drop()
    set({ identity: 'fetching', expiresAt: null, retryAt: null })
    if (ready) register()
  }

  const start = () => {
    if (run) return run
    run = new AbortController()
    tellTabs = openTabChannel(options.productId, (userId) => user && userId !== user.id && reask(), run.signal)
    watchPage(
      {
        online: () => tokens.recover('online'),
        visible: () => tokens.recover('visible'),
        restored: reask,
        // Only once ready: the kit's own load hears its ready event itself.
        widgetReady: () => ready && register(),
      },
      run.signal,
    )
    return run
  }

  /** Resolves once auth settles, or after `authTimeoutMs`: the widget must not hang on an auth library that never does. */
  const authSettles = () =>
    (authWait ||= new Promise<void>((resolve) => {
      const settle = () => {
        clearTimeout(timer)
        authWait = settleAuth = undefined
        resolve()
      }
      const timer = setTimeout(settle, options.authTimeoutMs ?? DEFAULT_AUTH_TIMEOUT_MS)
      settleAuth = settle
    }))

  /** The request's answer, or '' once the widget has waited `tokenTimeoutMs` for it (the request goes on). */
  const answerInTime = (request: TokenRequest) =>
    new Promise<string | undefined>((resolve) => {
      const timer = setTimeout(() => resolve(''), options.tokenTimeoutMs ?? DEFAULT_TOKEN_TIMEOUT_MS)
      void request.promise.then((answer) => {
        clearTimeout(timer)
        resolve(answer)
      })
    })

  /**
   * What the widget calls. Stable, never throws, answers within `tokenTimeoutMs` once auth has settled, and only
   * with the token of the user signed in when it answers: if auth moves on while it waits, it answers for the new user.
   */
  const fetcher = async (): Promise<string> => {
    if (user === undefined && run) await authSettles()
    for (;;) {
      if (!run || !user) return ''
      const request = tokens.get(user)
      const answer = await answerInTime(request)
      if (answer === '') {
        owed = true
        return ''
      }
      // Not dropped meanwhile (a change of user, destroy): still the current user's token.
      if (answer !== undefined && tokens.holds(request)) return answer
    }
  }

  const widgetReady = () => {
    ready = true
    set({ widget: 'ready' })
    register()
    held.splice(0).forEach((command) => call(...command))
  }

  const load = async () => {
    if (typeof window == 'undefined') return
    if (!loading || loadError) {
      const { signal } = start()
      loadError = null
      set({ widget: 'loading' })
      // The token is asked for beside the script, so the widget gets it the moment it is ready to ask.
      if (user) tokens.get(user)
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
    tokens.stop()
    settleAuth?.()
    run = loading = user = tellTabs = undefined
    loadError = null
    ready = owed = false
    held = []
    mounts.clear()
    set(initialState)
  }

  return {
    load,
    mount() {
      const mount = {}
      mounts.add(mount)
      if (!run && typeof window != 'undefined') {
        const when = options.load ?? 'eager'
        if (when == 'eager') void load()
        // Saving data: only the app's own load() or command (a click on the launcher) fetches the script.
        else if (when == 'idle' && !savesData()) whenIdle(load, start().signal)
      }
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
      __DEV__ && debug!(`user: ${previous?.id ?? (previous === null ? 'signed out' : 'unknown')} -> ${next?.id ?? 'signed out'}`)
      // A token is only ever handed out for the user it was asked for; a remount keeps that user's fresh one.
      const cached = next && tokens.freshFor(next.id)
      if (!cached) tokens.drop()
      set({ identity: cached ? 'identified' : next ? 'fetching' : 'anonymous', user: next, expiresAt: cached ? cached.expiresAt : null, retryAt: null })
      // A change, not auth settling on page load: the other tabs ask their own token routes again.
      if (previous !== undefined) tellTabs?.(next?.id ?? null)
      // A fetcher call waiting for auth (so `previous` was undefined) answers for this user itself;
      // otherwise a ready widget must ask again.
      if (settleAuth) settleAuth()
      else if (ready) {
        if (previous) {
          if (options.resetCommand) call(options.resetCommand)
          // An answer for the previous user may already be on its way to the widget (resolved a microtask
          // before this switch): an anonymous answer lands right behind it, before the page can act on it,
          // and holds until the new user's token arrives.
          if (next) call('setIdentityTokenFetcher', async () => '')
        }
        register()
      }
    },
    async refresh() {
      tokens.refresh()
      if (ready) register()
      if (user && run) await tokens.get(user).promise
    },
    getSnapshot: store.getSnapshot,
    subscribe: store.subscribe,
    command(...command) {
      if (ready) return call(...command)
      // The same command asked for again while it waits (a second click on a launcher) goes once.
      if (!held.some((waiting) => sameCommand(waiting, command))) held.push(command)
      // 'interaction': the app's first command is intent enough.
      if (options.load == 'interaction' && mounts.size) void load()
    },
    destroy,
  }
}

/** The same name and the same arguments. */
function sameCommand(a: unknown[], b: unknown[]): boolean {
  return a.length == b.length && a.every((part, index) => part === b[index])
}
