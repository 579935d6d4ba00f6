import { cleanup, fireEvent, render, screen } from '@testing-library/react'
import { installFakeWidget, type FakeWidget } from '@widgent/testing'
import { afterEach, beforeEach, expect, it } from 'vitest'
import { App } from './App'

// The app's kit options, with a fetchToken that needs no server: the widget holds whatever it returns.
const widgent = { productId: 'test-product', serviceKey: 'test-key', fetchToken: async (user: { id: string }) => `token-for-${user.id}` }

let widget: FakeWidget
beforeEach(() => {
  widget = installFakeWidget() // before the app renders: the kit joins it, so no script loads and nothing goes out
})
afterEach(() => {
  cleanup()
  widget.uninstall()
})

it('tells the widget who signs in, and that they signed out', async () => {
  render(<App widgent={widgent} />)
  await widget.waitForToken('') // anonymous until someone signs in

  fireEvent.click(screen.getByRole('button', { name: 'Sign in as Ada' }))
  await widget.waitForToken('token-for-ada')

  fireEvent.click(screen.getByRole('button', { name: 'Sign out' }))
  await widget.waitForToken('')
  expect(widget.inits).toEqual([]) // the kit joins a widget on the page; it never initialises one
})

it('opens the widget from the Help button', async () => {
  render(<App widgent={widgent} />)
  fireEvent.click(screen.getByRole('button', { name: 'Sign in as Ada' }))
  await widget.waitForToken('token-for-ada')

  fireEvent.click(screen.getByRole('button', { name: 'Help' }))
  expect(widget.commands).toContainEqual(['open'])
})
