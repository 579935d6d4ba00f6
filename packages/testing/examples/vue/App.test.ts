import { cleanup, fireEvent, render, screen } from '@testing-library/vue'
import { installFakeWidget, type FakeWidget } from '@widgent/testing'
import { WidgentPlugin } from '@widgent/vue'
import { afterEach, beforeEach, expect, it } from 'vitest'
import App from './App.vue'

// The app's kit options, with a fetchToken that needs no server: the widget holds whatever it returns.
const widgent = { productId: 'test-product', serviceKey: 'test-key', fetchToken: async (user: { id: string }) => `token-for-${user.id}` }
const renderApp = () => render(App, { global: { plugins: [[WidgentPlugin, widgent]] } })

let widget: FakeWidget
beforeEach(() => {
  widget = installFakeWidget() // before the app mounts: the kit joins it, so no script loads and nothing goes out
})
afterEach(() => {
  cleanup()
  widget.uninstall()
})

it('tells the widget who signs in, and that they signed out', async () => {
  renderApp()
  await widget.waitForToken('')

  await fireEvent.click(screen.getByRole('button', { name: 'Sign in as Ada' }))
  await widget.waitForToken('token-for-ada')

  await fireEvent.click(screen.getByRole('button', { name: 'Sign out' }))
  await widget.waitForToken('')
  expect(widget.inits).toEqual([])
})

it('opens the widget from the Help button', async () => {
  renderApp()
  await fireEvent.click(screen.getByRole('button', { name: 'Sign in as Ada' }))
  await widget.waitForToken('token-for-ada')

  await fireEvent.click(screen.getByRole('button', { name: 'Help' }))
  expect(widget.commands).toContainEqual(['open'])
})
