import { createApp } from 'vue'
import { WidgentError } from '@widgent/core'
import { WidgentPlugin } from '@widgent/vue'
import '@widgent/playground-shared/style.css'
import App from './App.vue'
import { user } from './auth'

createApp(App)
  .use(WidgentPlugin, {
    productId: import.meta.env.VITE_WIDGENT_PRODUCT_ID,
    serviceKey: import.meta.env.VITE_WIDGENT_SERVICE_KEY,
    scriptUrl: import.meta.env.VITE_WIDGENT_SCRIPT_URL || undefined,
    // The API knows the user by the access token, not by a cookie: send it.
    async fetchToken(_user, { signal }) {
      const response = await fetch('/api/widgent-token', { headers: { Authorization: `Bearer ${user.value?.access_token}` }, signal })
      if (response.status == 401) throw new WidgentError('unauthorized', 'The access token was refused: signed out at the provider.', 401)
      if (!response.ok) throw new Error(`/api/widgent-token answered ${response.status}`)
      return (await response.json()).token
    },
    // Your error tracking here; the end-to-end suite counts these lines (none on a sign-out).
    onError: (error) => console.info(`[widgent] onError: ${error.code}`),
  })
  .mount('#app')
