/** A signed-in person, as the demo backend knows them. */
export interface AuthUser {
  id: string
  name: string
}

export interface AuthState {
  /** `undefined` while the session is being checked, `null` when signed out. */
  user: AuthUser | null | undefined
  /** A sign-in or sign-out is on its way to the backend. */
  busy: boolean
}

let state: AuthState = { user: undefined, busy: false }
const listeners = new Set<(state: AuthState) => void>()
let started = false

const set = (patch: Partial<AuthState>) => {
  state = { ...state, ...patch }
  listeners.forEach((listener) => listener(state))
}

async function request(path: string, body?: object): Promise<AuthUser | null> {
  const response = await fetch(path, {
    method: body ? 'POST' : 'GET',
    headers: body ? { 'Content-Type': 'application/json' } : {},
    body: body && JSON.stringify(body),
    cache: 'no-store',
  })
  if (!response.ok) throw new Error(`${path} answered ${response.status}`)
  return ((await response.json()) as { user: AuthUser | null }).user
}

async function change(path: string, body: object) {
  set({ busy: true })
  try {
    set({ user: await request(path, body) })
  } catch (error) {
    console.error('[playground auth]', error)
  } finally {
    set({ busy: false })
  }
}

/**
 * The demo's auth client, shaped like a real one (Auth0, Clerk, Firebase): the session lives in the
 * backend's cookie, the first check is asynchronous (a loading phase: `user` is `undefined`), and sign-in
 * and sign-out go through the backend. A store whose `subscribe` calls back at once, so Svelte's `$auth` works.
 */
export const auth = {
  subscribe(listener: (state: AuthState) => void): () => void {
    listeners.add(listener)
    listener(state)
    // The session is checked on first use in a browser; the server renders the loading phase.
    if (!started && typeof window != 'undefined') {
      started = true
      request('/api/session').then(
        (user) => set({ user }),
        (error) => {
          console.error('[playground auth]', error)
          set({ user: null })
        },
      )
    }
    return () => void listeners.delete(listener)
  },
  getSnapshot: (): AuthState => state,
  signIn: (user: 'ada' | 'grace') => change('/api/login', { user }),
  signOut: () => change('/api/logout', {}),
}
