import { cleanup, render, waitFor } from '@testing-library/vue'
import { createWidgent, type WidgentClient } from '@widgent/core'
import { afterEach, expect, it, vi } from 'vitest'
import { createApp, defineComponent, h } from 'vue'
import { WidgentPlugin, useWidgent, useWidgentIdentity } from './index'
import { countSubscriptions, countWindowListeners, runScripts, setup } from '@widgent/test-utils'

// Its own file: the core's page-wide loader state is fresh, so the script load really listens on window.
afterEach(() => {
  cleanup()
  vi.restoreAllMocks()
})

const initial = { widget: 'idle', identity: 'unknown', user: null, expiresAt: null, error: null, retryAt: null }

const Widget = defineComponent({
  setup() {
    const identity = useWidgentIdentity({ id: 'ada' })
    const { state } = useWidgent()
    return () => h('p', `${state.value.widget} ${identity.value.identity}`)
  },
})

it('app.unmount releases every listener, and the last app to unmount destroys the client', async () => {
  const windowListeners = countWindowListeners()
  const { widget, options } = setup({ ready: false })
  const client = createWidgent(options)
  const subscriptions = countSubscriptions(client)
  const first = render(Widget, { global: { plugins: [[WidgentPlugin, options]] } })
  const second = render(Widget, { global: { plugins: [[WidgentPlugin, options]] } })
  expect(runScripts(widget)).toBe(1)
  expect(widget.inits).toHaveLength(1)
  expect(windowListeners()).toBeGreaterThan(0) // the loader waits for widgent:ready
  widget.fireReady()
  await waitFor(() => expect(client.getSnapshot().identity).toBe('identified'))
  expect(subscriptions()).toBe(4)
  // The client's own, while it runs: online and pageshow (recovery, the back/forward cache), and widgent:ready.
  expect(windowListeners()).toBe(3)

  first.unmount() // the second app keeps the client running
  expect(subscriptions()).toBe(2)
  expect(client.getSnapshot()).toMatchObject({ widget: 'ready', identity: 'identified' })

  second.unmount()
  expect(subscriptions()).toBe(0)
  expect(windowListeners()).toBe(0)
  expect(client.getSnapshot()).toEqual(initial)
  // A destroyed client tells the widget nothing about anyone.
  expect(await widget.ask()).toBe('')
  expect(widget.registrations).toBe(1)
})

it('cleans up on Vue 3.3 and 3.4 too, which have no app.onUnmount', async () => {
  const { options } = setup()
  const client: WidgentClient = createWidgent(options)
  const app = createApp({ render: () => null })
  Object.defineProperty(app, 'onUnmount', { value: undefined })
  app.use(WidgentPlugin, options).mount(document.createElement('div'))
  await waitFor(() => expect(client.getSnapshot().widget).toBe('ready'))
  app.unmount()
  expect(client.getSnapshot()).toEqual(initial)
})
