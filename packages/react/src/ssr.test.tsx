// @vitest-environment node
import { createWidgent } from '@widgent/core'
import { renderToString } from 'react-dom/server'
import { expect, it, vi } from 'vitest'
import { WidgentProvider, useWidgent, useWidgentIdentity } from './index'

function Status() {
  const { state } = useWidgent()
  const { identity } = useWidgentIdentity({ id: 'ada' })
  return <p>{`${state.widget} ${identity}`}</p>
}

it('renders on the server without a window, a script or a token request', () => {
  expect(typeof window).toBe('undefined')
  const fetchToken = vi.fn(async () => 'token')
  const options = { productId: 'ssr', serviceKey: 'key', fetchToken }
  const render = () =>
    renderToString(
      <WidgentProvider {...options}>
        <Status />
      </WidgentProvider>,
    )
  expect(render()).toBe('<p>idle unknown</p>')
  // Requests share the server's one client: none may learn who another request's user is.
  expect(render()).toBe('<p>idle unknown</p>')
  expect(createWidgent(options).getSnapshot()).toMatchObject({ widget: 'idle', user: null })
  expect(fetchToken).not.toHaveBeenCalled()
})
