import { cleanup, render, waitFor } from '@testing-library/svelte'
import type { WidgentUser } from '@widgent/core'
import { writable } from 'svelte/store'
import { afterEach, expect, it, vi } from 'vitest'
import Current from './fixtures/Current.svelte'
import Root from './fixtures/Root.svelte'
import { createWidgent } from './index'
import { countSubscriptions, countWindowListeners, runScripts, setup } from '@widgent/test-utils'

// Its own file: the core's page-wide loader state is fresh, so the script load really listens on window.
afterEach(() => {
  cleanup()
  vi.restoreAllMocks()
})

it('unmount releases every listener, and the last component to go destroys the client', async () => {
  const windowListeners = countWindowListeners()
  const { widget, options } = setup({ ready: false })
  const widgent = createWidgent(options)
  const subscriptions = countSubscriptions(widgent.client)
  let authSubscribers = 0
  const auth = writable<WidgentUser | null>({ id: 'ada' }, () => {
    authSubscribers++
    return () => authSubscribers--
  })
  const root = render(Root, { widgent, auth, count: 3 })
  const runes = render(Current, { widgent, auth })
  expect(runScripts(widget)).toBe(1)
  expect(widget.inits).toHaveLength(1)
  expect(windowListeners()).toBeGreaterThan(0) // the loader waits for widgent:ready
  widget.fireReady()
  await waitFor(() => expect(widgent.client.getSnapshot().identity).toBe('identified'))
  expect(authSubscribers).toBe(1)
  expect(subscriptions()).toBe(1) // the one store subscription, shared by every $widgentState and current
  // The client's own, while it runs: online and pageshow (recovery, the back/forward cache), and widgent:ready.
  expect(windowListeners()).toBe(3)

  root.unmount() // the runes component keeps the client running
  expect(widgent.client.getSnapshot()).toMatchObject({ widget: 'ready', identity: 'identified' })

  runes.unmount()
  await waitFor(() => expect(subscriptions()).toBe(0)) // Svelte releases a subscriber a microtask later
  expect(authSubscribers).toBe(0)
  expect(windowListeners()).toBe(0)
  expect(widgent.client.getSnapshot()).toEqual({
    widget: 'idle',
    identity: 'unknown',
    user: null,
    expiresAt: null,
    error: null,
    retryAt: null,
  })
  // A destroyed client tells the widget nothing about anyone.
  expect(await widget.ask()).toBe('')
  expect(widget.registrations).toBe(1)
})
