import { cleanup, fireEvent, render, screen } from '@testing-library/svelte'
import { installFakeWidget, type FakeWidget } from '@widgent/testing'
import { afterEach, beforeEach, expect, it } from 'vitest'
import App from './App.svelte'

// The app's kit options, with a fetchToken that needs no server: the widget holds whatever it returns.
const widgent = { productId: 'test-product', serviceKey: 'test-key', fetchToken: async (user: { id: string }) => `token-for-${user.id}` }

let widget: FakeWidget
beforeEach(() => {
  widget = installFakeWidget() // before the app mounts: the kit joins it, so no script loads and nothing goes out
})
afterEach(() => {
  cleanup()
  widget.uninstall()
})

it('tells the widget who signs in, and that they signed out', async () => {
  render(App, { widgent })
  await widget.waitForToken('')

  await fireEvent.click(screen.getByRole('button', { name: 'Sign in as Grace' }))
  await widget.waitForToken('token-for-grace')

  await fireEvent.click(screen.getByRole('button', { name: 'Sign out' }))
  await widget.waitForToken('')
  expect(widget.inits).toEqual([])
})

it('opens the widget from the Help button', async () => {
  render(App, { widgent })
  await fireEvent.click(screen.getByRole('button', { name: 'Sign in as Grace' }))
  await widget.waitForToken('token-for-grace')

  await fireEvent.click(screen.getByRole('button', { name: 'Help' }))
  expect(widget.commands).toContainEqual(['open'])
})
