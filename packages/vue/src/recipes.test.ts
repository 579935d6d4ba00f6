import { cleanup, render } from '@testing-library/vue'
import { afterEach, describe, it, vi } from 'vitest'
import { computed, defineComponent, h, nextTick, onScopeDispose, ref, shallowRef } from 'vue'
import type { WidgentUser } from '@widgent/core'
import { expectRecipeFollowsVisit, fakeClerk, fakeFirebase, fakeSupabase, setup, type FirebaseUser, type VisitStep } from '@widgent/test-utils'
import { WidgentPlugin, useWidgent, useWidgentIdentity } from './index'

// The README's recipes for auth libraries whose servers cannot run here, over stand-ins with each library's
// documented client state. Each recipe's lines are the README's, word for word (test/e2e/readmeQuotes.test.ts).

afterEach(cleanup)

const Shown = defineComponent({
  setup() {
    const { state } = useWidgent()
    return () => h('p', state.value.identity == 'identified' ? `identified ${state.value.user!.id}` : state.value.identity)
  },
})

/** Mounts `recipe` (a setup function) with the plugin on a fake widget; `play` drives the library. */
function renderRecipe(recipe: () => void, play: (step: VisitStep) => void) {
  const { widget, fetchToken, options } = setup()
  const onError = vi.fn()
  const Recipe = defineComponent({ setup: () => (recipe(), () => null) })
  render(defineComponent({ setup: () => () => [h(Recipe), h(Shown)] }), { global: { plugins: [[WidgentPlugin, { ...options, onError }]] } })
  return { widget, fetchToken, onError, shown: () => document.querySelector('p')!.textContent!, play: (step: VisitStep) => (play(step), nextTick()) }
}

describe("the README's recipes, on each library's documented client state", () => {
  it('Clerk (@clerk/vue): useUser()', async () => {
    const clerk = fakeClerk()
    // @clerk/vue's composable: refs that follow what Clerk reports.
    function useUser() {
      const state = shallowRef(clerk.useUser())
      onScopeDispose(clerk.addListener(() => (state.value = clerk.useUser())))
      return { isLoaded: computed(() => state.value.isLoaded), isSignedIn: computed(() => state.value.isSignedIn), user: computed(() => state.value.user) }
    }
    await expectRecipeFollowsVisit(
      renderRecipe(
        () => {
          // recipe: Clerk
          const { isLoaded, isSignedIn, user } = useUser()
          useWidgentIdentity(() =>
            !isLoaded.value ? undefined : isSignedIn.value && user.value ? { id: user.value.id, name: user.value.fullName ?? undefined } : null,
          )
          // end of recipe
        },
        ({ user }) => clerk.play(user && { id: user.id, fullName: user.name }),
      ),
    )
  })

  it('Firebase with VueFire: useCurrentUser()', async () => {
    const { auth, onAuthStateChanged, play } = fakeFirebase()
    // VueFire's composable: undefined until Firebase has answered, then the user or null.
    function useCurrentUser() {
      const current = shallowRef<FirebaseUser | null>()
      onScopeDispose(onAuthStateChanged(auth, (u) => (current.value = u)))
      return current
    }
    await expectRecipeFollowsVisit(
      renderRecipe(
        () => {
          // recipe: VueFire
          const currentUser = useCurrentUser()
          useWidgentIdentity(() => currentUser.value && { id: currentUser.value.uid, name: currentUser.value.displayName ?? undefined })
          // end of recipe
        },
        ({ user }) => play(user && { uid: user.id, displayName: user.name }),
      ),
    )
  })

  it('Firebase, the bare SDK: onAuthStateChanged', async () => {
    const { auth, onAuthStateChanged, play } = fakeFirebase()
    await expectRecipeFollowsVisit(
      renderRecipe(
        () => {
          // recipe: Firebase
          const user = ref<WidgentUser | null>() // undefined until Firebase has answered
          onAuthStateChanged(auth, (u) => (user.value = u && { id: u.uid, name: u.displayName ?? undefined }))
          useWidgentIdentity(user)
          // end of recipe
        },
        ({ user }) => play(user && { uid: user.id, displayName: user.name }),
      ),
    )
  })

  it('Supabase: onAuthStateChange', async () => {
    const { supabase, play } = fakeSupabase()
    await expectRecipeFollowsVisit(
      renderRecipe(
        () => {
          // recipe: Supabase
          const user = ref<WidgentUser | null>() // undefined until INITIAL_SESSION
          const { data } = supabase.auth.onAuthStateChange((_event, session) => {
            user.value = session ? { id: session.user.id, name: session.user.user_metadata.full_name } : null
          })
          onScopeDispose(() => data.subscription.unsubscribe())
          useWidgentIdentity(user)
          // end of recipe
        },
        ({ user, supabase: event }) => play(event, user),
      ),
    )
  })
})
