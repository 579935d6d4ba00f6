import { useEffect } from 'react'
import type { WidgentState, WidgentUser } from '@widgent/core'
import { useWidgent } from './useWidgent'

/**
 * Tell the widget who is signed in: `undefined` while your auth library loads, `null` when signed out.
 * Call it on every render, from as many components as you like: only a change of user id fetches a token.
 */
export function useWidgentIdentity(user: WidgentUser | null | undefined): WidgentState {
  const { client, state } = useWidgent()
  // In an effect: rendering stays pure, and a server render never learns who is signed in.
  useEffect(() => client.setUser(user), [client, user])
  return state
}
