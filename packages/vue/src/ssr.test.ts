// @vitest-environment node
import { createWidgent } from '@widgent/core'
import { expect, it, vi } from 'vitest'
import { createSSRApp, h } from 'vue'
import { renderToString } from 'vue/server-renderer'
import { WidgentPlugin, useWidgent, useWidgentIdentity } from './index'
import { countSubscriptions } from '@widgent/test-utils'

it('renders on the server without a window, a script, a token request or a lasting subscription', async () => {
  expect(typeof window).toBe('undefined')
  const fetchToken = vi.fn(async () => 'token')
  const options = { productId: 'ssr', serviceKey: 'key', fetchToken }
  const subscriptions = countSubscriptions(createWidgent(options))
  const render = () =>
    renderToString(
      createSSRApp({
        setup() {
          const { state } = useWidgent()
          const identity = useWidgentIdentity({ id: 'ada' })
          return () => h('p', `${state.value.widget} ${identity.value.identity}`)
        },
      }).use(WidgentPlugin, options),
    )
  expect(await render()).toBe('<p>idle unknown</p>')
  // Requests share the server's one client: none may learn who another request's user is.
  expect(await render()).toBe('<p>idle unknown</p>')
  expect(createWidgent(options).getSnapshot()).toMatchObject({ widget: 'idle', user: null })
  expect(subscriptions()).toBe(0) // the server never unmounts: nothing may stay subscribed
  expect(fetchToken).not.toHaveBeenCalled()
})
