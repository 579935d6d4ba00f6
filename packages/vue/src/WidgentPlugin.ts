import type { App } from 'vue'
import { createWidgent, type WidgentOptions } from '@widgent/core'
import { WidgentKey } from './WidgentKey'
import { serverState } from './serverState'

/** `app.use(WidgentPlugin, options)`: one client for the app, running from install to `app.unmount()`. */
export const WidgentPlugin = {
  install(app: App, options: WidgentOptions): void {
    const client = createWidgent(options)
    app.provide(WidgentKey, client)
    // Only the browser runs the client: a server render neither loads the widget nor learns the user.
    if (typeof window != 'undefined') {
      // Every client starts in the same state: the first one the plugin sees is as created.
      serverState.s ||= client.getSnapshot()
      const unmount = client.mount()
      const appUnmount = app.unmount
      // Wrapped rather than app.onUnmount (Vue 3.5+), so 3.3 and 3.4 clean up too.
      app.unmount = () => {
        appUnmount()
        unmount()
      }
    }
  },
}
