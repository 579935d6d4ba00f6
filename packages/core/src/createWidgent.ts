import { assertOptions } from './assertOptions'
import { createStore } from './createStore'
import { fetchFromEndpoint } from './fetchFromEndpoint'
import { loadWidgent } from './loadWidgent'
import { parseToken } from './parseToken'
import { sleep } from './sleep'
import { WidgentError } from './WidgentError'
import type { WidgentClient, WidgentOptions, WidgentState, WidgentUser } from './types'

// One client per product for the page's lifetime, so StrictMode's double render, a second provider and a
// remount all share one widget, one fetcher and one token cache.
const clients = new Map<string, WidgentClient>()

const initialState: WidgentState = { widget: 'idle', identity: 'unknown', user: null, expiresAt: null, error: null }

/** The page's client for `options.productId`: created on the first call (the first options win), shared after. Touches no DOM. */
export function createWidgent(options: WidgentOptions): WidgentClient {
  assertOptions(options)
  // On the server each render stands alone: a shared client would share its user between requests.
  if (typeof window == 'undefined') return newClient(options)
  let client = clients.get(options.productId)
  if (!client) clients.set(options.productId, (client = newClient(options)))
  return client
}

function newClient(options: WidgentOptions): WidgentClient {
  const store = createStore(initialState)
  // Every change clears the error, unless it reports one.
  const set = (patch: Partial<WidgentState>) => store.set({ error: null, ...patch })
  const { tokenEndpoint, fetchToken, authTimeoutMs = 1e4, tokenTimeoutMs = 1e4 } = options

  // Set while the client runs; aborting it on destroy ends every timer, wait and load it started.
  let life: AbortController | undefined
  const mounts = new Set<object>()
  let loading: Promise<void> | undefined
  let ready: boolean | undefined
  let queue: [string, ...unknown[]][] = []

  // The settled user: `undefined` until auth first settles. `epoch` moves on every change of user id.
  let user: WidgentUser | null | undefined
  let epoch = 0
  // The token request for the current user, dropped on every change of user id (so whatever it
  // brings back is stale). Once it settles, `until` makes it the token cache.
  let flight: { promise: Promise<string>; abort: AbortController; until?: number } | undefined
  let authWait: Promise<void> | undefined
  let authSettled: (() => void) | undefined

  const report = (error: WidgentError, patch: Partial<WidgentState>) => {
    set({ ...patch, error })
    // In a task of its own: a throwing onError is reported by the browser and cannot break the kit.
    queueMicrotask(() => options.onError?.(error))
  }

  const call = (...command: [string, ...unknown[]]) => window.widgent!(...command)

  const register = () => call('setIdentityTokenFetcher', fetcher)

  const dropFlight = () => {
    flight?.abort.abort()
    flight = undefined
  }

  // Bounded: the widget must not hang on an auth library that never settles.
  const waitForAuth = () =>
    (authWait ||= new Promise<void>((resolve) => {
      const timer = setTimeout(
        (authSettled = () => {
          clearTimeout(timer)
          authWait = authSettled = undefined
          resolve()
        }),
        authTimeoutMs,
      )
    }))

  /** A request for the user's token: each try cut off after `tokenTimeoutMs`; 5xx, network errors and timeouts tried twice more. */
  const request = (forUser: WidgentUser): Promise<string> => {
    set({ identity: 'fetching' })
    const next = (flight = {} as NonNullable<typeof flight>)
    return (next.promise = (async () => {
      for (let tries = 0; ; tries++) {
        // Each try (and each wait between tries) has its own controller, kept on the flight, so that
        // dropping the flight ends whatever it is doing.
        const { signal } = (next.abort = new AbortController())
        try {
          if (tries) await sleep(250 << tries, signal)
          const { token, expiresAt } = parseToken(
            await Promise.race([
              fetchToken
                ? fetchToken(forUser, { signal })
                : tokenEndpoint
                  ? fetchFromEndpoint(tokenEndpoint, signal)
                  : Promise.reject(new WidgentError('config', __DEV__ && 'A user is signed in: set tokenEndpoint or fetchToken.')),
              sleep(tokenTimeoutMs, signal).then(() => {
                throw new WidgentError('token-fetch', __DEV__ && `No token within ${tokenTimeoutMs} ms.`)
              }),
            ]),
          )
          // The user changed while we waited: this token is never cached and never handed out.
          if (flight != next) return ''
          // A cached token is never handed out in the second half of its remaining life.
          next.until = expiresAt ? Date.now() + (expiresAt - Date.now()) / 2 : 0
          set({ identity: 'identified', expiresAt })
          return token
        } catch (thrown) {
          if (flight != next) return ''
          const error = thrown instanceof WidgentError ? thrown : new WidgentError('token-fetch', __DEV__ && String(thrown))
          // 401/403, a bad answer or bad config will not get better by asking again.
          if (tries > 1 || error.code != 'token-fetch' || error.status! < 500) {
            // The failure stands for this user until refresh() or a change of user: no request storms.
            next.until = Infinity
            report(error, { identity: 'error' })
            return ''
          }
        } finally {
          // Ends this try's timeout, or the request that timed out.
          next.abort.abort()
        }
      }
    })())
  }

  /**
   * What the widget calls. Stable, never throws, and answers only with the token of the user signed in
   * when it answers: if auth moves on while it waits, it answers for the new user instead.
   */
  const fetcher = async (): Promise<string> => {
    for (;;) {
      if (user === undefined && life) await waitForAuth()
      const at = epoch
      if (!life || !user) return ''
      const token = await (flight && !(flight.until! <= Date.now()) ? flight.promise : request(user))
      if (at == epoch) return life ? token : ''
    }
  }

  const load = (): Promise<void> => {
    if (typeof window == 'undefined') return Promise.resolve()
    const { signal } = (life ||= new AbortController())
    if (!ready) {
      loading ||= (async () => {
        set({ widget: 'loading' })
        for (let tries = 0; ; tries++) {
          try {
            if (tries) await sleep(250 << tries, signal)
            await loadWidgent(options)
            if (signal.aborted) return
            ready = true
            set({ widget: 'ready' })
            register()
            queue.forEach((command) => call(...command))
            queue = []
            break
          } catch (error) {
            // After destroy, a newer load may own `loading`.
            if (signal.aborted) return
            if (tries > 1) {
              report(error as WidgentError, { widget: 'error' })
              break
            }
          }
        }
        loading = undefined
      })()
    }
    return loading || Promise.resolve()
  }

  const destroy = () => {
    life?.abort()
    dropFlight()
    authSettled?.()
    life = loading = ready = user = undefined
    mounts.clear()
    epoch++
    queue = []
    set(initialState)
  }

  const client: WidgentClient = {
    load,
    mount() {
      const mount = {}
      mounts.add(mount)
      if (!life && typeof window != 'undefined') {
        if (options.load == 'idle') {
          // Safari has no requestIdleCallback: a timeout is the nearest thing.
          const idle = (window.requestIdleCallback || setTimeout)(() => load())
          ;(life = new AbortController()).signal.addEventListener('abort', () => (window.cancelIdleCallback || clearTimeout)(idle))
        } else if (options.load != 'manual') load()
      }
      // The last unmount destroys; StrictMode's unmount and remount revive the same client.
      return () => {
        if (mounts.delete(mount) && !mounts.size) destroy()
      }
    },
    setUser(next) {
      if (next === undefined) return // auth loading: a blip must not sign anyone out
      if (next && (typeof next.id != 'string' || !next.id)) {
        throw new WidgentError('config', __DEV__ && 'setUser takes { id: string, name?, metadata? }, null (signed out) or undefined (auth loading).')
      }
      const previous = user
      user = next // a new object for the same user changes what the next request sends, nothing else
      if (previous !== undefined && next?.id == previous?.id) return
      epoch++
      dropFlight()
      set({ user: next, identity: next ? 'fetching' : 'anonymous', expiresAt: null })
      // A fetcher call waiting for auth answers for this user itself; otherwise the widget must ask again.
      const waiting = authSettled
      authSettled?.()
      if (ready && life && (previous !== undefined || !waiting)) {
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
      if (flight?.until! >= 0) flight = undefined
      const pending = user && life && (flight ? flight.promise : request(user))
      if (ready && life) register()
      await pending
    },
    getSnapshot: store.getSnapshot,
    subscribe: store.subscribe,
    command(...command) {
      ready && life ? call(...command) : queue.push(command)
    },
    destroy,
  }
  return client
}
