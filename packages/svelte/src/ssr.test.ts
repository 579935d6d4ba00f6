// @vitest-environment node
import { createWidgent as createClient } from '@widgent/core'
import { render } from 'svelte/server'
import { writable } from 'svelte/store'
import { expect, it, vi } from 'vitest'
import Current from './fixtures/Current.svelte'
import Root from './fixtures/Root.svelte'
import { createWidgent } from './index'
import { countSubscriptions } from '@widgent/test-utils'

it('renders on the server without a window, a script, a token request or a lasting subscription', () => {
  expect(typeof window).toBe('undefined')
  const fetchToken = vi.fn(async () => 'token')
  const options = { productId: 'ssr', serviceKey: 'key', fetchToken }
  const subscriptions = countSubscriptions(createClient(options))
  let authSubscribers = 0
  const auth = writable({ id: 'ada' }, () => {
    authSubscribers++
    return () => authSubscribers--
  })
  const page = () => render(Root, { props: { widgent: createWidgent(options), auth, count: 2 } }).body
  expect(page()).toContain('<p>unknown -</p><p>unknown -</p>')
  // Requests share the server's one client: none may learn who another request's user is.
  expect(page()).toContain('<p>unknown -</p><p>unknown -</p>')
  expect(render(Current, { props: { widgent: createWidgent(options), auth } }).body).toContain('<p>idle unknown</p>')
  expect(createWidgent(options).bindIdentity(auth)).toBeTypeOf('function')

  expect(createClient(options).getSnapshot()).toMatchObject({ widget: 'idle', user: null })
  expect(subscriptions()).toBe(0)
  expect(authSubscribers).toBe(0)
  expect(fetchToken).not.toHaveBeenCalled()
})
