import {
  getCurrentInstance,
  hasInjectionContext,
  inject,
  onMounted,
  onScopeDispose,
  shallowReadonly,
  shallowRef,
  type Ref,
} from 'vue'
import { WidgentError, type WidgentClient, type WidgentState } from '@widgent/core'
import { WidgentKey } from './WidgentKey'
import { serverState } from './serverState'

/**
 * The app's client and a readonly ref of its state. Call it in `setup()`. A component that Vue hydrates from server
 * HTML shows the server's state (the client as created) until it has mounted, then the live one.
 */
export function useWidgent(): { client: WidgentClient; state: Readonly<Ref<WidgentState>> } {
  const client = hasInjectionContext() && inject(WidgentKey, null)
  if (!client) {
    throw new WidgentError(
      'config',
      __DEV__ && 'useWidgent() needs app.use(WidgentPlugin, options), and runs in setup().',
    )
  }
  // Vue sets a component's element before its setup only while hydrating it.
  const served = getCurrentInstance()?.vnode.el && serverState.s
  const state = shallowRef(served || client.getSnapshot())
  // Ends with the scope (Vue runs onMounted in the component's); outside any scope, never (failSilently, Vue 3.5+).
  const listen = () =>
    onScopeDispose(
      client.subscribe((next) => (state.value = next)),
      true,
    )
  // Not on the server (where nothing is served): it never unmounts, so a subscription there would outlive the request.
  served ? onMounted(listen) : typeof window != 'undefined' && listen()
  return { client, state: shallowReadonly(state) }
}
