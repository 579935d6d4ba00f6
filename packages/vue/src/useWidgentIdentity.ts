import { toValue, watch, type MaybeRefOrGetter, type Ref } from 'vue'
import type { WidgentState, WidgentUser } from '@widgent/core'
import { useWidgent } from './useWidgent'

/**
 * Tell the widget who is signed in, as a ref, a getter or a plain value: `undefined` while your auth library
 * loads, `null` when signed out. Any number of components may call it: only a change of user id fetches a token.
 */
export function useWidgentIdentity(
  user: MaybeRefOrGetter<WidgentUser | null | undefined>,
): Readonly<Ref<WidgentState>> {
  const { client, state } = useWidgent()
  // Not on the server: one client serves every request there, and must never learn who is signed in.
  if (typeof window != 'undefined')
    watch(
      () => toValue(user),
      (next) => client.setUser(next),
      { immediate: true },
    )
  return state
}
