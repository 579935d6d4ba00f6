import { expect } from 'vitest'
import { eventually } from './eventually'
import type { FakeWidget } from './fakeWidget'
import { flush } from './flush'
import { subOf } from './tokens'

/**
 * Stand-ins for the client state of auth libraries whose servers cannot run here (Clerk, Firebase, Supabase), with
 * the shapes and the order of calls their documentation gives, so the READMEs' recipes run against them. Each has a
 * `play` side the test drives: what the library would report as it loads, signs in, refreshes and signs out.
 */

/** Clerk's user (the fields the recipes read). */
export interface ClerkUser {
  id: string
  fullName: string | null
}

/** `useUser()` of `@clerk/clerk-react` and `@clerk/nextjs`: its documented union. */
export type ClerkUseUser =
  | { isLoaded: false; isSignedIn: undefined; user: undefined }
  | { isLoaded: true; isSignedIn: false; user: null }
  | { isLoaded: true; isSignedIn: true; user: ClerkUser }

/**
 * Clerk's client: `user` undefined until Clerk has loaded, then the user or null. `addListener` (clerk-js) calls the
 * listener at once once loaded, then on every change, and returns its removal. `useUser()` is what the React and Vue
 * hooks derive from it. Clerk makes a new user object at every session token refresh (about every minute).
 */
export function fakeClerk() {
  let user: ClerkUser | null | undefined
  const listeners = new Set<(resources: { user: ClerkUser | null | undefined }) => void>()
  return {
    addListener(listener: (resources: { user: ClerkUser | null | undefined }) => void): () => void {
      listeners.add(listener)
      if (user !== undefined) listener({ user })
      return () => void listeners.delete(listener)
    },
    useUser(): ClerkUseUser {
      if (user === undefined) return { isLoaded: false, isSignedIn: undefined, user: undefined }
      return user ? { isLoaded: true, isSignedIn: true, user } : { isLoaded: true, isSignedIn: false, user: null }
    },
    /** Clerk reports this user (a new object each time, as Clerk makes one), or null. */
    play(next: ClerkUser | null) {
      user = next && { ...next }
      for (const listener of listeners) listener({ user })
    },
  }
}

/** Firebase's `User` (the fields the recipes read). */
export interface FirebaseUser {
  uid: string
  displayName: string | null
}

/**
 * Firebase Auth: `onAuthStateChanged(auth, next)` calls `next` once the persisted state is known (null when signed
 * out), then at each sign-in and sign-out, and returns its removal. The ID token's hourly refresh does not call it.
 */
export function fakeFirebase() {
  const auth = { name: '[DEFAULT]' }
  let user: FirebaseUser | null | undefined
  const observers = new Set<(user: FirebaseUser | null) => void>()
  return {
    auth,
    onAuthStateChanged(_auth: typeof auth, next: (user: FirebaseUser | null) => void): () => void {
      observers.add(next)
      if (user !== undefined) queueMicrotask(() => observers.has(next) && next(user!))
      return () => void observers.delete(next)
    },
    play(next: FirebaseUser | null) {
      user = next && { ...next }
      for (const observer of observers) observer(user)
    },
  }
}

/** Supabase's `Session` (the fields the recipes read). */
export interface SupabaseSession {
  access_token: string
  user: { id: string; user_metadata: { full_name?: string } }
}

export type SupabaseEvent = 'INITIAL_SESSION' | 'SIGNED_IN' | 'SIGNED_OUT' | 'TOKEN_REFRESHED' | 'USER_UPDATED'

/**
 * Supabase's `supabase.auth.onAuthStateChange(callback)`: `INITIAL_SESSION` first (the stored session or null), then
 * `SIGNED_IN` (again when the tab regains focus), `TOKEN_REFRESHED` (hourly, a new session object), `USER_UPDATED`
 * and `SIGNED_OUT`. It returns `{ data: { subscription } }`.
 */
export function fakeSupabase() {
  const callbacks = new Set<(event: SupabaseEvent, session: SupabaseSession | null) => void>()
  const supabase = {
    auth: {
      onAuthStateChange(callback: (event: SupabaseEvent, session: SupabaseSession | null) => void) {
        callbacks.add(callback)
        return { data: { subscription: { unsubscribe: () => void callbacks.delete(callback) } } }
      },
    },
  }
  return {
    supabase,
    /** Supabase reports `event` with a session for `user` (a new object, a new access token), or null. */
    play(event: SupabaseEvent, user: { id: string; name: string } | null) {
      const session = user && {
        access_token: `${user.id}-${Math.random()}`,
        user: { id: user.id, user_metadata: { full_name: user.name } },
      }
      for (const callback of callbacks) callback(event, session)
    },
  }
}

/** One step of a visit: who the library reports, and the event Supabase names it with. */
export interface VisitStep {
  step: string
  user: { id: string; name: string } | null
  supabase: SupabaseEvent
}

const ADA = { id: 'ada', name: 'Ada Lovelace' }
const GRACE = { id: 'grace', name: 'Grace Hopper' }

/**
 * What each library reports over a user's visit, after it has loaded: signed out; Ada signs in; three same-user events
 * (a token refresh, the tab seen again, a profile update) that must cost nothing; a switch to Grace; sign-out.
 */
export const AUTH_VISIT: readonly VisitStep[] = [
  { step: 'loaded: signed out', user: null, supabase: 'INITIAL_SESSION' },
  { step: 'Ada signs in', user: ADA, supabase: 'SIGNED_IN' },
  { step: "Ada's token refreshed", user: ADA, supabase: 'TOKEN_REFRESHED' },
  { step: 'the tab regains focus', user: ADA, supabase: 'SIGNED_IN' },
  { step: "Ada's profile updated", user: ADA, supabase: 'USER_UPDATED' },
  { step: 'Grace, without signing out', user: GRACE, supabase: 'SIGNED_IN' },
  { step: 'signed out', user: null, supabase: 'SIGNED_OUT' },
]

export interface RecipeUnderTest {
  /** The library reports `step` (and the framework has had its turn to render). */
  play(step: VisitStep): void | Promise<void>
  /** The kit's state as the recipe's app shows it: "identified ada", "anonymous", "unknown". */
  shown(): string
  widget: FakeWidget
  fetchToken: { mock: { calls: unknown[][] } }
  onError: { mock: { calls: unknown[][] } }
}

/**
 * Plays `AUTH_VISIT` through a recipe and checks what the kit made of it: nothing answered while the library loads,
 * one token request per sign-in and switch and none for the same user again, one token handed over for each, no error.
 */
export async function expectRecipeFollowsVisit(recipe: RecipeUnderTest): Promise<void> {
  const { widget, fetchToken, onError } = recipe
  await flush()
  // The library has not answered yet: the kit waits instead of telling the widget anonymous.
  expect(recipe.shown()).toBe('unknown')
  expect(widget.answers).toEqual([])
  for (const step of AUTH_VISIT) {
    await recipe.play(step)
    await eventually(() =>
      expect(recipe.shown(), step.step).toBe(step.user ? `identified ${step.user.id}` : 'anonymous'),
    )
  }
  expect(fetchToken.mock.calls.map(([user]) => user)).toEqual([ADA, GRACE])
  // One token handed over per sign-in (anonymous answers between them are the kit's to give), anonymous at the end.
  expect(widget.answers.filter(Boolean).map(subOf)).toEqual(['ada', 'grace'])
  expect(widget.token).toBe('')
  expect(onError.mock.calls).toEqual([])
}
