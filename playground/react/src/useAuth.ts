import { useSyncExternalStore } from 'react'
import { auth, type AuthState } from '@widgent/playground-shared'

/** The demo auth client's state, as a hook (what `useAuth0()` or `useUser()` would be in a real app). */
export function useAuth(): AuthState {
  return useSyncExternalStore(auth.subscribe, auth.getSnapshot, auth.getSnapshot)
}
