import { assertOptions } from './assertOptions'
import { createStore } from './createStore'
import { fetchFromEndpoint } from './fetchFromEndpoint'
import { loadOnce } from './loadWidgent'
import { parseToken } from './parseToken'
import { sleep } from './sleep'
import { WidgentError } from './WidgentError'
import type { WidgentClient, WidgentOptions, WidgentState, WidgentUser } from './types'

// One client per product for the page's lifetime, so StrictMode's double render, a second provider and a
// remount all share one widget, one fetcher and one token cache.
const clients: Record<string, WidgentClient> = Object.create(null)

const initialState: WidgentState = { widget: 'idle', identity: 'unknown', user: null, expiresAt: null, error: null }

/** Work the client does in the background: the widget load, or a token request. */
interface Task<T> {
  /** Settles `undefined`, without a word, once aborted. */
  promise: Promise<T | undefined>
  /** The try under way. */
  abort: AbortController
  /**
   * Set once settled: until when (ms epoch) a token may be served from the cache; Infinity for a failure, which
   * stands until refresh(), a change of user or the next load().
   */
  until?: number
}

/** The client for `options.productId`: created on the first call (the first options win), shared after. Touches no DOM. */
export function createWidgent(options: WidgentOptions): WidgentClient {
  assertOptions(options)
  // On the server each render stands alone: a shared client would share its user between requests.
  return typeof window == 'undefined' ? newClient(options) : (clients[options.productId] ||= newClient(options))
}

function newClient(options: WidgentOptions): WidgentClient {
  const store = createStore(initialState)
  // Set while the client runs: what destroy calls to cancel a load still waiting for the browser to be idle.
  let life: (() => void) | undefined
  const mounts = new Set<object>()
  let loading: Task<unknown> | undefined
  // Commands waiting for the widget; undefined once it is ready (only ever while the client runs).
  let queue: [string, ...unknown[]][] | undefined = []

  // The settled user: `undefined` until auth first settles.
  let user: WidgentUser | null | undefined
  // The token request for the current user, aborted on every change of user id (so whatever it
  // brings back is stale). Once it settles, `until` makes it the token cache.
  let flight: Task<string> | undefined
  let authWait: Promise<void> | undefined
  let authSettled: (() => void) | undefined

  // Every change clears the error unless it reports one, but only a new load clears a failed load's
  // (the load whose `until` is set: see `start`).
  const set = (patch: Partial<WidgentState>) =>
    store.set({ error: loading?.until && !patch.widget ? store.getSnapshot().error : null, ...patch })

  /**
   * Run `attempt`, and twice more (0.5 s, then 1 s later) on a failure that may get better: a load error, or a
   * token request's 5xx, network error or timeout. Each try has a controller of its own, aborted when it ends.
   * A failure that stands is reported with `failed`, and settles ''.
   */
  const start = <T, R>(task: Task<R>, attempt: (signal: AbortSignal) => Promise<T>, done: (value: T) => R, failed: Partial<WidgentState>) => {
    task.promise = (async () => {
      for (let tries = 0; ; tries++) {
        const controller = (task.abort = new AbortController())
        let value: T | undefined
        let failure: WidgentError | undefined
        try {
          if (tries) await sleep(250 << tries, controller.signal)
          value = await attempt(controller.signal)
        } catch (thrown) {
          failure = thrown instanceof WidgentError ? thrown : new WidgentError('token-fetch', __DEV__ && String(thrown))
        }
        if (controller.signal.aborted) return
        // Ends this try's timeout, or the request that timed out.
        controller.abort()
        if (!failure) return done(value!)
        // A 4xx, a bad answer, bad config or a signed-out user will not get better by asking again.
        if (tries > 1 || failure.status! < 500 || 'config invalid-token unauthorized'.includes(failure.code)) {
          // No request storms: see `until`.
          task.until = Infinity
          set({ error: failure, ...failed })
          // In a task of its own: a throwing onError is reported by the browser and cannot break the kit.
          queueMicrotask(() => options.onError?.(failure))
          return '' as R
        }
      }
    })()
  }

  const call = (...command: [string, ...unknown[]]) => window.widgent!(...command)

  /** The current user's token: cached while `until` says so, else a request, each try cut off after `tokenTimeoutMs`. */
  const token = (forUser: WidgentUser) => {
    if (!flight || flight.until! <= Date.now()) {
      set({ identity: 'fetching' })
      start(
        (flight = {} as Task<string>),
        (signal) =>
          Promise.race([
            options.fetchToken ? options.fetchToken(forUser, { signal }) : fetchFromEndpoint(options.tokenEndpoint, signal),
            sleep(options.tokenTimeoutMs ?? 1e4, signal).then(() => {
              throw new WidgentError('token-fetch', __DEV__ && `No token within ${options.tokenTimeoutMs ?? 1e4} ms.`)
            }),
          ]).then(parseToken),
        ({ token, expiresAt }) => {
          // A cached token is never handed out in the second half of its remaining life, an opaque one
          // (expiresAt null, which counts as 0 here) not at all.
          flight!.until = (Date.now() + expiresAt!) / 2
          set({ identity: 'identified', expiresAt })
          return token
        },
        { identity: 'error' },
      )
    }
    return flight
  }

  /**
   * What the widget calls. Stable, never throws, and answers only with the token of the user signed in
   * when it answers: if auth moves on while it waits, it answers for the new user instead.
   */
  const fetcher = async (): Promise<string> => {
    for (;;) {
      // Bounded: the widget must not hang on an auth library that never settles.
      if (user === undefined && life) {
        await (authWait ||= new Promise<void>((resolve) => {
          const timer = setTimeout(
            (authSettled = () => {
              clearTimeout(timer)
              authWait = authSettled = undefined
              resolve()
            }),
            options.authTimeoutMs ?? 1e4,
          )
        }))
      }
      if (!life || !user) return ''
      const request = token(user)
      const answer = await request.promise
      // Still the current request: no change of user, no destroy (a stale one settles undefined).
      if (request == flight) return answer!
    }
  }

  const load = async () => {
    if (typeof window == 'undefined' || !queue) return
    life ||= () => {}
    // A failed load stands until the next load().
    if (!loading || loading.until) {
      set({ widget: 'loading' })
      start(
        (loading = {} as Task<unknown>),
        () => loadOnce(options),
        () => {
          set({ widget: 'ready' })
          call('setIdentityTokenFetcher', fetcher)
          queue!.forEach((command) => call(...command))
          queue = undefined
        },
        { widget: 'error' },
      )
    }
    await loading.promise
  }

  const destroy = () => {
    life?.()
    loading?.abort.abort()
    flight?.abort.abort()
    authSettled?.()
    life = loading = user = flight = undefined
    mounts.clear()
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
          const idle = (window.requestIdleCallback || setTimeout)(load)
          life = () => (window.cancelIdleCallback || clearTimeout)(idle)
        } else if (options.load != 'manual') load()
      }
      // The last unmount destroys; StrictMode's unmount and remount revive the same client.
      return () => {
        if (mounts.delete(mount) && !mounts.size) destroy()
      }
    },
    setUser(next) {
      if (next === undefined) return // auth loading: a blip must not sign anyone out
      // A non-empty string id (an empty one reads as the number 0).
      if (next && typeof (next.id || 0) != 'string') {
        throw new WidgentError('config', __DEV__ && 'setUser takes { id: string, name?, metadata? }, null (signed out) or undefined (auth loading).')
      }
      const previous = user
      user = next // a new object for the same user changes what the next request sends, nothing else
      if (previous !== undefined && next?.id == previous?.id) return
      // Whatever the request of the previous user brings back is stale.
      flight?.abort.abort()
      flight = undefined
      set({ identity: next ? 'fetching' : 'anonymous', user: next, expiresAt: null })
      // A fetcher call waiting for auth (so `previous` was undefined) answers for this user itself;
      // otherwise a ready widget must ask again.
      if (authSettled) authSettled()
      else if (!queue) {
        if (previous) {
          if (options.resetCommand) call(options.resetCommand)
          // An answer for the previous user may already be on its way to the widget (resolved a microtask
          // before this switch): an anonymous answer lands right behind it, before the page can act on it,
          // and holds until the new user's token arrives.
          if (next) call('setIdentityTokenFetcher', async () => '')
        }
        call('setIdentityTokenFetcher', fetcher)
      }
    },
    async refresh() {
      // A settled request (its `until` is set) serves no more; one under way goes on.
      if (flight?.until) flight = undefined
      if (!queue) call('setIdentityTokenFetcher', fetcher)
      if (user && life) await token(user).promise
    },
    getSnapshot: store.getSnapshot,
    subscribe: store.subscribe,
    command(...command) {
      queue ? queue.push(command) : call(...command)
    },
    destroy,
  }
  return client
}
