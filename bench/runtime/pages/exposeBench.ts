import { probe, when, type Probe, type TokenFetchTiming } from './probe'
import { DEMO_USERS, type DemoUser, type DemoUserId } from '@widgent/test-utils/demo'

/** How a page tells its auth layer (and, for ours, the kit) who is signed in. */
export interface Auth {
  signIn(user: DemoUser): void
  signOut(): void
}

/** One sign-in and sign-out, as the page saw it. */
export interface Cycle {
  /** The app's auth state changed (sign-in). */
  auth: number
  /** The kit's `setUser` first ran after it. */
  setUser?: number
  request?: TokenFetchTiming
  /** The widget got the token. */
  answer: number
  authOut: number
  setUserOut?: number
  /** The widget got `''`. */
  answerOut: number
}

/** `window.bench`, what the Node side drives. */
export interface BenchApi {
  probe: Probe
  /** The cookie the token route reads, then the app's own auth state: a real app signs in the same way. */
  signIn(id: DemoUserId): void
  signOut(): void
  /** Who the emulator's widget panel shows: a user id or `anonymous`; null before it exists. */
  widgetIdentity(): string | null
  /** `count` sign-in/sign-out cycles back to back in the page, each waiting for the widget's answer. */
  cycles(count: number): Promise<Cycle[]>
  /** The smallest step `performance.now()` takes here, in ms, and whether the page is cross-origin isolated. */
  clock(): { resolution: number; isolated: boolean }
}

declare global {
  interface Window {
    bench: BenchApi
  }
}

/** The user whose session cookie the page loaded with. */
export function initialUser(): DemoUser | null {
  const id = /(?:^|; )bench_user=(\w+)/.exec(document.cookie)?.[1]
  return DEMO_USERS[id as DemoUserId] ?? null
}

// Lets the framework's own re-render after an answer run before the next step.
const pause = () => new Promise((resolve) => setTimeout(resolve, 1))

export function exposeBench(auth: Auth): void {
  // The session cookie first (the token route reads it; writing it costs Chromium a fraction of a millisecond),
  // then the app's auth state: a step's time starts between the two.
  const session = (id: DemoUserId | null) =>
    (document.cookie = id ? `bench_user=${id}; path=/` : 'bench_user=; path=/; max-age=0')
  const change = (id: DemoUserId | null) => (id ? auth.signIn(DEMO_USERS[id]) : auth.signOut())

  /** Signs `id` in (null: out) and waits for the widget's next answer that `fits`; the marks it left. */
  const step = async (id: DemoUserId | null, fits: (token: string) => boolean) => {
    const [answers, setUsers, requests] = [probe.answers.length, probe.setUsers.length, probe.requests.length]
    session(id)
    const at = performance.now()
    change(id)
    await when(() => probe.answers.slice(answers).some(({ token }) => fits(token)))
    const answer = probe.answers.slice(answers).find(({ token }) => fits(token))!.at
    return { at, setUser: probe.setUsers[setUsers], request: probe.requests[requests], answer }
  }

  window.bench = {
    probe,
    signIn(id) {
      session(id)
      change(id)
    },
    signOut() {
      session(null)
      change(null)
    },
    widgetIdentity: () => document.querySelector('widgent-panel')?.getAttribute('data-identity') ?? null,
    async cycles(count) {
      const cycles: Cycle[] = []
      while (cycles.length < count) {
        const inn = await step('ada', Boolean)
        await pause()
        const out = await step(null, (token) => !token)
        await pause()
        cycles.push({
          auth: inn.at,
          setUser: inn.setUser,
          request: inn.request,
          answer: inn.answer,
          authOut: out.at,
          setUserOut: out.setUser,
          answerOut: out.answer,
        })
      }
      return cycles
    },
    clock() {
      let resolution = Infinity
      for (let i = 0, last = performance.now(); i < 1e5; i++) {
        const now = performance.now()
        if (now > last) resolution = Math.min(resolution, now - last)
        last = now
      }
      return { resolution, isolated: crossOriginIsolated }
    },
  }
}
