/**
 * In-page instrumentation, installed before the page's own code runs. Every time is `performance.now()` in the page
 * (5 µs steps when the page is cross-origin isolated, as the bench server makes it; 100 µs otherwise).
 */
export interface TokenFetchTiming {
  /** `fetch('/api/widgent-token')` was called. */
  start: number
  /** Its promise resolved: the status line and headers arrived. */
  headers?: number
  /** `response.json()` resolved: the body was read and parsed. */
  body?: number
  /** It failed (aborted, or no answer): it will have neither. */
  failed?: boolean
}

/** What the widget got from a fetcher: `at` is when the fetcher's promise resolved, just before the widget resumes. */
export interface Answer {
  at: number
  token: string
}

export interface Probe {
  requests: TokenFetchTiming[]
  answers: Answer[]
  /** Every `client.setUser` call (ours only). */
  setUsers: number[]
  /** When the widget's `<script>` went into the document. */
  scriptInserted?: number
  /** When `client.mount()` was first called, if it was watched in time (React: the provider's effect). */
  mountStart?: number
}

export const probe: Probe = { requests: [], answers: [], setUsers: [] }

const listeners = new Set<() => void>()
/** Resolves once `check` holds, checked after each answer the widget gets; rejects after 10 s, so a run never hangs. */
export const when = (check: () => boolean) =>
  new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => {
      listeners.delete(listener)
      reject(new Error('The widget got no fitting answer within 10 s.'))
    }, 10_000)
    const listener = () => check() && (clearTimeout(timer), listeners.delete(listener), resolve())
    listeners.add(listener)
    listener()
  })

const TOKEN_ROUTE = '/api/widgent-token'

// The token request: when it starts, when its response and its body arrive. Times are taken before anything else
// runs, and the response goes back to the caller untouched but for `json`.
const realFetch = window.fetch
window.fetch = (input, init) => {
  const url = input instanceof Request ? input.url : String(input)
  if (!url.endsWith(TOKEN_ROUTE)) return realFetch(input, init)
  const request: TokenFetchTiming = { start: performance.now() }
  probe.requests.push(request)
  return realFetch(input, init).then(
    (response) => {
      request.headers = performance.now()
      const json = response.json.bind(response)
      response.json = () =>
        json().then((body: unknown) => {
          request.body = performance.now()
          return body
        })
      return response
    },
    (error) => {
      request.failed = true
      throw error
    },
  )
}

// The widget's global, wrapped as the widget script defines it, so every fetcher registered with
// `setIdentityTokenFetcher` (the kit's or the vendor snippet's) reports when its answer resolves.
let widget: ((...args: unknown[]) => unknown) | undefined
Object.defineProperty(window, 'widgent', {
  configurable: true,
  get: () => widget,
  set(value) {
    widget =
      value &&
      new Proxy(value, {
        apply: (target, self, args) =>
          Reflect.apply(target, self, args[0] == 'setIdentityTokenFetcher' ? [args[0], timed(args[1])] : args),
      })
  },
})
const timed = (fetcher: () => Promise<string>) => () => {
  const answer = fetcher()
  // Registered before the widget awaits the same promise, so this runs first, in the same microtask checkpoint.
  answer.then(
    (token) => {
      probe.answers.push({ at: performance.now(), token })
      listeners.forEach((listener) => listener())
    },
    () => {},
  )
  return answer
}

// The kit inserts the widget script with `document.head.append`; the time of that call is when it asks for it
// (the browser's own work to start the request, inside the call, is not counted).
const append = document.head.append
document.head.append = function (...nodes) {
  if (nodes.some((node) => node instanceof HTMLScriptElement && node.src.endsWith('/widget.js')))
    probe.scriptInserted = performance.now()
  return append.apply(this, nodes)
}

/** Records when each `setUser` call of our client starts, and when `mount` is first called. */
export function watchClient(client: { setUser(user: never): void; mount(): () => void }): void {
  const { setUser, mount } = client
  if ((setUser as { watched?: boolean }).watched) return
  client.setUser = Object.assign(
    (user: never) => {
      probe.setUsers.push(performance.now())
      setUser.call(client, user)
    },
    { watched: true },
  )
  client.mount = () => {
    probe.mountStart ??= performance.now()
    return mount.call(client)
  }
}
