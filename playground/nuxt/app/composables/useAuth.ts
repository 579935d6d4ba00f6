import { onScopeDispose, readonly, shallowRef, type Ref } from 'vue'
import { auth, type AuthState } from '@widgent/playground-shared'

/** The demo auth client's state as a ref (what `useUserSession()` or `useSupabaseUser()` would be in a real app). */
export function useAuth(): Readonly<Ref<AuthState>> {
  const state = shallowRef(auth.getSnapshot())
  // In the browser only: the server renders the loading phase, and must not hold a listener per request.
  if (import.meta.client) onScopeDispose(auth.subscribe((next) => (state.value = next)))
  return readonly(state)
}
