import { get, readable, type Readable } from 'svelte/store'
import { afterEach, describe, it, vi } from 'vitest'
import type { WidgentUser } from '@widgent/core'
import { expectRecipeFollowsVisit, fakeClerk, fakeFirebase, fakeSupabase, setup, type VisitStep } from '@widgent/test-utils'
import { createWidgent } from './index'

// The README's recipes for auth libraries whose servers cannot run here, over stand-ins with each library's
// documented client state. Each recipe's lines are the README's, word for word (test/e2e/readmeQuotes.test.ts).

const unbinds: Array<() => void> = []
afterEach(() => unbinds.splice(0).forEach((unbind) => unbind()))

/** Binds the recipe's store to a Widgent on a fake widget, as the root layout does; `play` drives the library. */
function bindRecipe(user: Readable<WidgentUser | null | undefined>, play: (step: VisitStep) => void) {
  const { widget, fetchToken, options } = setup()
  const onError = vi.fn()
  const widgent = createWidgent({ ...options, onError })
  unbinds.push(widgent.bindIdentity(user))
  const shown = () => {
    const state = get(widgent.state)
    return state.identity == 'identified' ? `identified ${state.user!.id}` : state.identity
  }
  return { widget, fetchToken, onError, shown, play }
}

describe("the README's recipes, on each library's documented client state", () => {
  it('Clerk (@clerk/clerk-js): addListener', async () => {
    const clerk = fakeClerk()
    // recipe: Clerk
    const user = readable<WidgentUser | null | undefined>(undefined, (set) =>
      // Clerk's user is undefined until it has loaded, then the user or null.
      clerk.addListener(({ user }) => set(user && { id: user.id, name: user.fullName ?? undefined })),
    )
    // end of recipe
    await expectRecipeFollowsVisit(bindRecipe(user, ({ user }) => clerk.play(user && { id: user.id, fullName: user.name })))
  })

  it('Firebase: onAuthStateChanged', async () => {
    const { auth, onAuthStateChanged, play } = fakeFirebase()
    // recipe: Firebase
    const user = readable<WidgentUser | null | undefined>(undefined, (set) =>
      onAuthStateChanged(auth, (u) => set(u && { id: u.uid, name: u.displayName ?? undefined })),
    )
    // end of recipe
    await expectRecipeFollowsVisit(bindRecipe(user, ({ user }) => play(user && { uid: user.id, displayName: user.name })))
  })

  it('Supabase: onAuthStateChange', async () => {
    const { supabase, play } = fakeSupabase()
    // recipe: Supabase
    const user = readable<WidgentUser | null | undefined>(undefined, (set) => {
      const { data } = supabase.auth.onAuthStateChange((_event, session) =>
        set(session ? { id: session.user.id, name: session.user.user_metadata.full_name } : null),
      )
      return () => data.subscription.unsubscribe()
    })
    // end of recipe
    await expectRecipeFollowsVisit(bindRecipe(user, ({ user, supabase: event }) => play(event, user)))
  })
})
