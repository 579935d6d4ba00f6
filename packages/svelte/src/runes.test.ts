import { cleanup, render, screen, waitFor } from '@testing-library/svelte'
import { writable } from 'svelte/store'
import { afterEach, expect, it } from 'vitest'
import Current from './fixtures/Current.svelte'
import Reads from './fixtures/Reads.svelte'
import { createWidgent } from './index'
import { fromWidgent } from './runes'
import { countSubscriptions, flush, setup } from '@widgent/test-utils'

afterEach(cleanup)

it('current follows the state in runes mode, and runs the widget while a component reads it', async () => {
  const { fetchToken, options } = setup()
  const widgent = createWidgent(options)
  const subscriptions = countSubscriptions(widgent.client)
  const auth = writable<{ id: string } | null>({ id: 'ada' })
  const { unmount } = render(Current, { widgent, auth })
  await screen.findByText('ready identified')
  auth.set(null)
  await screen.findByText('ready anonymous')
  expect(fetchToken).toHaveBeenCalledTimes(1)

  unmount()
  await waitFor(() => expect(subscriptions()).toBe(0)) // Svelte releases a subscriber a microtask later
  expect(widgent.client.getSnapshot().widget).toBe('idle')
})

it('reading current outside an effect is a plain read: it starts nothing', async () => {
  const { widget, options } = setup()
  const widgent = createWidgent(options)
  expect(fromWidgent(widgent).current).toBe(widgent.client.getSnapshot())
  await flush()
  expect(widgent.client.getSnapshot().widget).toBe('idle')
  expect(widget.registrations).toBe(0)
})

it('starting to read current costs no extra render', async () => {
  const { options } = setup()
  const reads = { count: 0 }
  render(Reads, { widgent: createWidgent(options), reads })
  await screen.findByText('ready')
  await flush()
  expect(reads.count).toBe(2) // the first render, then 'ready' ('loading' came while subscribing)
})
