import { useContext, useSyncExternalStore } from 'react'
import { WidgentError, type WidgentClient, type WidgentState } from '@widgent/core'
import { WidgentContext } from './WidgentContext'

/** The client of the nearest `<WidgentProvider>` and its state, re-rendering when the state changes. */
export function useWidgent(): { client: WidgentClient; state: WidgentState } {
  const client = useContext(WidgentContext)
  if (!client) {
    throw new WidgentError(
      'config',
      __DEV__ && 'useWidgent() and useWidgentIdentity() need a <WidgentProvider> above them: wrap your app in one.',
    )
  }
  // The server and hydration see the client as created: never mounted, so its first state.
  const state = useSyncExternalStore(client.subscribe, client.getSnapshot, client.getSnapshot)
  return { client, state }
}
