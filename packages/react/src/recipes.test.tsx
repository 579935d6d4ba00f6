import { act, cleanup, render, screen } from '@testing-library/react'
import { useEffect, useState } from 'react'
import { afterEach, describe, it, vi } from 'vitest'
import type { WidgentUser } from '@widgent/core'
import { expectRecipeFollowsVisit, fakeClerk, fakeFirebase, fakeSupabase, setup, type ClerkUseUser, type VisitStep } from '@widgent/test-utils'
import { WidgentProvider, useWidgent, useWidgentIdentity } from './index'

// The README's recipes for auth libraries whose servers cannot run here, over stand-ins with each library's
// documented client state. Each recipe's lines are the README's, word for word (test/e2e/readmeQuotes.test.ts).

afterEach(cleanup)

function Shown() {
  const { state } = useWidgent()
  return <p>{state.identity == 'identified' ? `identified ${state.user!.id}` : state.identity}</p>
}

/** Renders `Recipe` under a provider on a fake widget; `play` drives the library, inside act. */
function renderRecipe(Recipe: () => null, play: (step: VisitStep) => void) {
  const { widget, fetchToken, options } = setup()
  const onError = vi.fn()
  render(
    <WidgentProvider {...options} onError={onError}>
      <Recipe />
      <Shown />
    </WidgentProvider>,
  )
  return { widget, fetchToken, onError, shown: () => screen.getByRole('paragraph').textContent!, play: (step: VisitStep) => act(() => play(step)) }
}

describe("the README's recipes, on each library's documented client state", () => {
  it('Clerk (@clerk/clerk-react, @clerk/nextjs): useUser()', async () => {
    const clerk = fakeClerk()
    // @clerk/clerk-react's hook: re-renders on every change Clerk reports.
    function useUser(): ClerkUseUser {
      const [, changed] = useState(0)
      useEffect(() => clerk.addListener(() => changed((n) => n + 1)), [])
      return clerk.useUser()
    }
    function WidgentIdentity() {
      // recipe: Clerk
      const { isLoaded, isSignedIn, user } = useUser()
      useWidgentIdentity(!isLoaded ? undefined : isSignedIn ? { id: user.id, name: user.fullName ?? undefined } : null)
      // end of recipe
      return null
    }
    await expectRecipeFollowsVisit(renderRecipe(WidgentIdentity, ({ user }) => clerk.play(user && { id: user.id, fullName: user.name })))
  })

  it('Firebase Auth: onAuthStateChanged', async () => {
    const { auth, onAuthStateChanged, play } = fakeFirebase()
    function WidgentIdentity() {
      // recipe: Firebase
      const [user, setUser] = useState<WidgentUser | null>() // undefined until Firebase has answered
      useEffect(() => onAuthStateChanged(auth, (u) => setUser(u && { id: u.uid, name: u.displayName ?? undefined })), [])
      useWidgentIdentity(user)
      // end of recipe
      return null
    }
    await expectRecipeFollowsVisit(renderRecipe(WidgentIdentity, ({ user }) => play(user && { uid: user.id, displayName: user.name })))
  })

  it('Supabase: onAuthStateChange', async () => {
    const { supabase, play } = fakeSupabase()
    function WidgentIdentity() {
      // recipe: Supabase
      const [user, setUser] = useState<WidgentUser | null>() // undefined until INITIAL_SESSION
      useEffect(() => {
        const { data } = supabase.auth.onAuthStateChange((_event, session) =>
          setUser(session ? { id: session.user.id, name: session.user.user_metadata.full_name } : null),
        )
        return () => data.subscription.unsubscribe()
      }, [])
      useWidgentIdentity(user)
      // end of recipe
      return null
    }
    await expectRecipeFollowsVisit(renderRecipe(WidgentIdentity, ({ user, supabase: event }) => play(event, user)))
  })
})
