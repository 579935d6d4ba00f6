import { createWidgent, type WidgentOptions, type WidgentState } from '@widgent/core'
import { DEMO_USERS } from '@widgent/test-utils/demo'
import { jwt } from '@widgent/test-utils/tokens'

/** The emulator's demo product and widget, with hour-long tokens made in the page: a cycle costs no network. */
export const options: WidgentOptions = {
  productId: 'demo-product',
  serviceKey: 'demo-service-key',
  scriptUrl: new URLSearchParams(location.search).get('scriptUrl')!,
  fetchToken: async (user) => jwt(user.id),
}

export const ada = DEMO_USERS.ada

declare global {
  interface Window {
    leak: {
      /** Mounts and unmounts the binding `times` times. */
      cycle(times: number): Promise<void>
      /** The core store's subscriptions: `live` not yet released by a binding, `stale` still in the store's own set. */
      store(): { live: number; stale: number }
    }
  }
}

/**
 * What a leak page gives the test. `mount` mounts the binding (with Ada signed in) and returns its unmount; a
 * cycle waits until the widget is ready and the kit has Ada's token, unmounts, and waits until the client is destroyed.
 */
export function exposeCycles(mount: () => () => void): void {
  // The client every binding on this page gets (one per product), watched before any binding reads `subscribe`.
  const client = createWidgent(options)
  const { subscribe } = client
  let live = 0
  let heard = 0
  client.subscribe = (listener) => {
    live++
    let subscribed = true
    const unsubscribe = subscribe((state) => {
      heard++
      listener(state)
    })
    return () => {
      if (subscribed) live--
      subscribed = false
      unsubscribe()
    }
  }
  // The test's own watch on the state, through the store's unwrapped subscribe: never counted.
  const until = (done: (state: WidgentState) => boolean) =>
    new Promise<void>((resolve) => {
      const unsubscribe = subscribe((state) => {
        if (!done(state)) return
        queueMicrotask(() => unsubscribe())
        resolve()
      })
    })

  window.leak = {
    async cycle(times) {
      for (let i = 0; i < times; i++) {
        const unmount = mount()
        // Ready too: the token is asked for as the load starts, so it can arrive before the widget is ready.
        await until((state) => state.identity == 'identified' && state.widget == 'ready')
        unmount()
        await until((state) => state.widget == 'idle')
      }
      // The emulator widget's test hook keeps every answer it applied: its memory, not the kit's.
      ;(window.widgent as unknown as { __emulator: { answers: unknown[] } }).__emulator.answers.length = 0
    },
    store() {
      // A change of state reaches every listener the store still holds; then the client is put back.
      heard = 0
      client.setUser({ id: 'probe' })
      const stale = heard
      client.destroy()
      return { live, stale }
    },
  }
}
