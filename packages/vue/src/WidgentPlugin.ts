import type { App } from 'vue'
import { createWidgent, type WidgentOptions } from '@widgent/core'
import { WidgentKey } from './WidgentKey'

/** `app.use(WidgentPlugin, options)`: one client for the app, running from install to `app.unmount()`. */
export const WidgentPlugin = {
  install(app: App, options: WidgentOptions): void {
    const client = createWidgent(options)
    app.provide(WidgentKey, client)
    // Only the browser runs the client: a server render neither loads the widget nor learns the user.
    if (typeof window != 'undefined') {
      const unmount = client.mount()
      const appUnmount = app.unmount
      // app.onUnmount is Vue 3.5+: 3.3 and 3.4 get app.unmount wrapped instead.
      app.onUnmount
        ? app.onUnmount(unmount)
        : (app.unmount = () => {
            appUnmount()
            unmount()
          })
    }
  },
}
