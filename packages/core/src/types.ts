import type { WidgentError } from './WidgentError'

/** The signed-in user, as the app's auth library knows them. */
export interface WidgentUser {
  /** Stable unique id: the only field that decides whether the widget fetches a new token. */
  id: string
  name?: string
  metadata?: Record<string, string | number | boolean>
}

/** What the bare loader needs. */
export interface WidgentLoadOptions {
  productId: string
  serviceKey: string
  /** The widget script; {@link DEFAULT_SCRIPT_URL} otherwise. */
  scriptUrl?: string
  /** CSP nonce for the script tag. */
  nonce?: string
  /** One try at the script's load and `widgent:ready`, in ms. Default 15 000. */
  loadTimeoutMs?: number
}

export interface WidgentOptions extends WidgentLoadOptions {
  /** Default fetcher: `GET` this URL with credentials and read `{ token }`. */
  tokenEndpoint?: string
  /** Your own fetcher, instead of `tokenEndpoint`. Honour `signal`: the kit aborts requests whose user left. */
  fetchToken?: (user: WidgentUser, ctx: { signal: AbortSignal }) => Promise<string>
  /**
   * When `mount()` fetches the script: once the page has gone quiet ('idle', the default), at once ('eager'), on intent
   * ('interaction': the launcher facade's hover, focus or click, or the app's first command), or only on `load()`.
   */
  load?: 'eager' | 'idle' | 'interaction' | 'manual'
  /**
   * Where the current token is kept: in memory ('memory', the default), or also in `sessionStorage` for the tab, so
   * the next page load of the same user is identified with no request (README "Tokens across tabs and page loads").
   */
  tokenStorage?: 'memory' | 'sessionStorage'
  /** A widget command sent before re-registering on sign-out and user switch. None by default. */
  resetCommand?: string
  /** How long the widget's fetcher waits for auth to settle (`setUser(undefined)`) before answering anonymous. Default 10 000. */
  authTimeoutMs?: number
  /** One token request try, in ms, and how long the widget's call waits before it is answered anonymous. Default 10 000. */
  tokenTimeoutMs?: number
  /** How long a token whose expiry is unknown (not a JWT) is reused, in ms. Default 60 000. */
  tokenMaxAgeMs?: number
  onError?: (error: WidgentError) => void
  /** Development builds: log each decision to the console (also `localStorage.setItem('widgent:debug', '1')`, no rebuild). */
  debug?: boolean
}

export interface WidgentState {
  widget: 'idle' | 'loading' | 'ready' | 'error'
  /**
   * `unknown` until auth first settles; `signed-in`: a user, no token yet, and none asked for (the widget asks when it
   * loads); `fetching` only while a token request is in flight; `identified` once the token arrived.
   */
  identity: 'unknown' | 'anonymous' | 'signed-in' | 'fetching' | 'identified' | 'error'
  /** The settled user: `null` while signed out or not yet known. */
  user: WidgentUser | null
  /** ms epoch, from the token's `exp` claim when it is a JWT; null when unknown. */
  expiresAt: number | null
  error: WidgentError | null
  /** ms epoch: when the kit tries again by itself after a failure that may get better (show "reconnecting…"); null when no try is due. */
  retryAt: number | null
}

export interface WidgentClient {
  /** Load the widget now. Safe to call many times; after a failure it tries again. Never rejects: errors land in state. */
  load(): Promise<void>
  /**
   * Start the client as `options.load` says, and return its unmount. Mounts are counted: the last unmount
   * destroys the client (a cached token of the same user survives, for the next mount).
   */
  mount(): () => void
  /** `undefined`: auth still loading; `null`: signed out. Only a change of user id fetches a new token. */
  setUser(user: WidgentUser | null | undefined): void
  /** Drop the cached token and make the widget fetch again. */
  refresh(): Promise<void>
  getSnapshot(): WidgentState
  /** Calls `listener` at once with the current state (Svelte's store contract), then on every change. */
  subscribe(listener: (state: WidgentState) => void): () => void
  /**
   * A widget command, sent once the widget is ready: the kit holds it until then, through a failed load, until a
   * load succeeds or `destroy()`. The same command with the same arguments asked for again while it waits is sent once.
   */
  command(name: string, ...args: unknown[]): void
  /** Release listeners, timers and requests in flight. A later `mount()` or `load()` starts afresh. */
  destroy(): void
}

/** `window.widgent`, as the vendor page documents it. */
export interface WidgentGlobal {
  (command: string, ...args: unknown[]): void
  init(config: { productId: string; serviceKey: string }): void
  /** Not on the vendor page: read when a widget build sets it, never required. */
  ready?: boolean
}

declare global {
  interface Window {
    widgent?: WidgentGlobal
  }
}
