import { cleanup, render, screen, waitFor } from '@testing-library/react'
import type { WidgentOptions, WidgentUser } from '@widgent/core'
import { StrictMode } from 'react'
import { afterEach, expect, it, vi } from 'vitest'
import { runScripts, setup, subOf } from '@widgent/test-utils'
import { WidgentProvider, useWidgent } from './index'

// Its own file: the core's page-wide loader state is fresh, so the script and `init` can be counted.
afterEach(() => {
  cleanup()
  vi.unstubAllEnvs()
})

function Identity() {
  return <p>{useWidgent().state.identity}</p>
}

// What `next dev` does: the App Router renders in StrictMode, which mounts, unmounts and mounts again.
const App = ({ user, fetchToken }: { user: WidgentUser | null; fetchToken: WidgentOptions['fetchToken'] }) => (
  <StrictMode>
    <WidgentProvider load="eager" user={user && { ...user }} fetchToken={fetchToken}>
      <Identity />
    </WidgentProvider>
  </StrictMode>
)

it('StrictMode with the session user: one script, one init, one registration and one token request per user', async () => {
  const { widget, fetchToken, options } = setup({ ready: false })
  vi.stubEnv('NEXT_PUBLIC_WIDGENT_PRODUCT_ID', options.productId)
  vi.stubEnv('NEXT_PUBLIC_WIDGENT_SERVICE_KEY', 'key')
  const { rerender } = render(<App user={{ id: 'ada' }} fetchToken={options.fetchToken} />)
  expect(runScripts(widget)).toBe(1)
  expect(widget.inits).toEqual([{ productId: options.productId, serviceKey: 'key' }])
  widget.fireReady()
  await waitFor(() => expect(screen.getByText('identified')).toBeTruthy())
  expect(widget.registrations).toBe(1)
  expect(widget.answers.map(subOf)).toEqual(['ada'])

  rerender(<App user={{ id: 'grace' }} fetchToken={options.fetchToken} />)
  await waitFor(() => expect(subOf(widget.answers.at(-1)!)).toBe('grace'))
  expect(widget.answers.slice(1).map(subOf)).not.toContain('ada')
  expect(fetchToken.mock.calls.map(([user]) => user.id)).toEqual(['ada', 'grace'])
  expect(document.querySelectorAll('script')).toHaveLength(1)
  expect(widget.inits).toHaveLength(1)
})
