import { readable, type Readable } from 'svelte/store'
import {
  createWidgent as createClient,
  type WidgentClient,
  type WidgentOptions,
  type WidgentState,
  type WidgentUser,
} from '@widgent/core'

export interface Widgent {
  /** The widget's state as a store. While anything subscribes (`$widgentState` in a component), the widget runs. */
  state: Readable<WidgentState>
  client: WidgentClient
  /**
   * Keep the widget's user in step with an auth store: `undefined` while auth loads, `null` when signed out.
   * The widget runs while bound. Returns the unbind, for `onMount(() => bindIdentity(user))` or `$effect`.
   */
  bindIdentity(auth: Readable<WidgentUser | null | undefined>): () => void
}

/** The Widgent client for `options.productId`, as Svelte stores. Touches no DOM until something subscribes. */
export function createWidgent(options: WidgentOptions): Widgent {
  const client = createClient(options)
  // The core counts mounts: the first user starts the widget, the last one to leave releases it.
  const use = (subscribe: () => () => void) => {
    const unmount = client.mount()
    const unsubscribe = subscribe()
    return () => {
      unsubscribe()
      unmount()
    }
  }
  return {
    state: readable(client.getSnapshot(), (set) => use(() => client.subscribe(set))),
    client,
    // Not on the server: one client serves every request there, and must never learn who is signed in.
    bindIdentity: (auth) =>
      typeof window == 'undefined' ? () => {} : use(() => auth.subscribe((user) => client.setUser(user))),
  }
}
