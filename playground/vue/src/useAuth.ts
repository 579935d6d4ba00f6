import { onScopeDispose, readonly, shallowRef, type Ref } from 'vue'
import { auth, type AuthState } from '@widgent/playground-shared'

/** The demo auth client's state as a ref (what `useAuth0()` would be in a real app). */
export function useAuth(): Readonly<Ref<AuthState>> {
  const state = shallowRef(auth.getSnapshot())
  onScopeDispose(auth.subscribe((next) => (state.value = next)))
  return readonly(state)
}
