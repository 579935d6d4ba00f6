import { cleanup, render, screen, waitFor } from '@testing-library/react'
import { createWidgent } from '@widgent/core'
import { afterEach, expect, it, vi } from 'vitest'
import { WidgentProvider, useWidgent, useWidgentIdentity } from './index'
import { countSubscriptions, countWindowListeners, runScripts, setup } from '@widgent/test-utils'

// Its own file: the core's page-wide loader state is fresh, so the script load really listens on window.
afterEach(() => {
  cleanup()
  vi.restoreAllMocks()
})

function Identity() {
  return <p>{useWidgentIdentity({ id: 'ada' }).identity}</p>
}
function Status() {
  return <p>{useWidgent().state.widget}</p>
}

it('unmount releases every listener, and the last unmount destroys the client', async () => {
  const windowListeners = countWindowListeners()
  const { widget, options } = setup({ ready: false })
  const client = createWidgent(options)
  const subscriptions = countSubscriptions(client)
  const app = (providers: number) => (
    <>
      {Array.from({ length: providers }, (_, i) => (
        <WidgentProvider key={i} {...options}>
          <Identity />
          <Status />
        </WidgentProvider>
      ))}
    </>
  )
  const { rerender, unmount } = render(app(2))
  runScripts(widget)
  expect(windowListeners()).toBeGreaterThan(0) // the loader waits for widgent:ready
  widget.fireReady()
  await waitFor(() => expect(screen.getAllByText('identified')).toHaveLength(2))
  expect(subscriptions()).toBe(4)
  // The client's own, while it runs: online and pageshow (recovery, the back/forward cache), and widgent:ready.
  expect(windowListeners()).toBe(3)

  rerender(app(1)) // one provider left: the client keeps running
  expect(subscriptions()).toBe(2)
  expect(client.getSnapshot()).toMatchObject({ widget: 'ready', identity: 'identified' })

  unmount()
  expect(subscriptions()).toBe(0)
  expect(windowListeners()).toBe(0)
  expect(client.getSnapshot()).toEqual({
    widget: 'idle',
    identity: 'unknown',
    user: null,
    expiresAt: null,
    error: null,
    retryAt: null,
  })
  // A destroyed client tells the widget nothing about anyone.
  expect(await widget.ask()).toBe('')
})
