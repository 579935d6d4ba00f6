import { createSubscriber } from 'svelte/reactivity'
import type { WidgentState } from '@widgent/core'
import type { Widgent } from './createWidgent'

/**
 * The widget's state for Svelte 5 runes (5.7+): reading `.current` in a template, `$derived` or `$effect`
 * subscribes to `widgent.state`, so the widget runs until they are torn down; anywhere else it is a plain read.
 */
export function fromWidgent({ state, client }: Widgent): { readonly current: WidgentState } {
  const track = createSubscriber((update) => {
    // The store calls back at once with the state `current` is about to return: only later changes matter.
    let subscribed = false
    const unsubscribe = state.subscribe(() => subscribed && update())
    subscribed = true
    return unsubscribe
  })
  return {
    get current() {
      track()
      return client.getSnapshot()
    },
  }
}
