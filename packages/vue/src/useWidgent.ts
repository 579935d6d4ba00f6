import { getCurrentScope, hasInjectionContext, inject, onScopeDispose, shallowReadonly, shallowRef, type Ref } from 'vue'
import { WidgentError, type WidgentClient, type WidgentState } from '@widgent/core'
import { WidgentKey } from './WidgentKey'

/** The app's client and a readonly ref of its state. Call it in `setup()`. */
export function useWidgent(): { client: WidgentClient; state: Readonly<Ref<WidgentState>> } {
  const client = hasInjectionContext() && inject(WidgentKey, null)
  if (!client) {
    throw new WidgentError('config', 'useWidgent() needs app.use(WidgentPlugin, options), and runs in setup().')
  }
  const state = shallowRef(client.getSnapshot())
  // Not on the server: it never unmounts, so a subscription there would outlive the request.
  if (typeof window != 'undefined') {
    const unsubscribe = client.subscribe((next) => (state.value = next))
    getCurrentScope() && onScopeDispose(unsubscribe)
  }
  return { client, state: shallowReadonly(state) }
}
