// @vitest-environment node
import { renderToString } from 'react-dom/server'
import { afterEach, expect, it, vi } from 'vitest'
import { WidgentProvider, useWidgent } from './index'

afterEach(() => void vi.unstubAllEnvs())

function Status() {
  const { state } = useWidgent()
  return <p>{`${state.widget} ${state.identity} ${state.user?.id ?? '-'}`}</p>
}

it("a server layout renders it from the environment, as the client's first render will: no user, no request", () => {
  expect(typeof window).toBe('undefined')
  vi.stubEnv('NEXT_PUBLIC_WIDGENT_PRODUCT_ID', 'ssr-next')
  vi.stubEnv('NEXT_PUBLIC_WIDGENT_SERVICE_KEY', 'key')
  const fetchToken = vi.fn(async () => 'token')
  const render = (user: { id: string } | null) =>
    renderToString(
      <WidgentProvider user={user} fetchToken={fetchToken}>
        <Status />
      </WidgentProvider>,
    )
  // The user is applied in an effect: the HTML matches the client's first render, so hydration has nothing to fix.
  expect(render({ id: 'ada' })).toBe('<p>idle unknown -</p>')
  expect(render(null)).toBe('<p>idle unknown -</p>')
  expect(fetchToken).not.toHaveBeenCalled()
})
