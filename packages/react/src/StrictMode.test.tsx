import { cleanup, render, screen, waitFor } from '@testing-library/react'
import type { WidgentOptions, WidgentUser } from '@widgent/core'
import { StrictMode } from 'react'
import { afterEach, expect, it } from 'vitest'
import { WidgentProvider, useWidgentIdentity } from './index'
import { runScripts, setup, subOf } from '@widgent/test-utils'

// Its own file: the core's page-wide loader state is fresh, so the script and `init` can be counted.
afterEach(cleanup)

function Identity({ user }: { user: WidgentUser | null | undefined }) {
  return <p>{useWidgentIdentity(user).identity}</p>
}

const App = ({ options, user }: { options: WidgentOptions; user: WidgentUser | null }) => (
  <StrictMode>
    <WidgentProvider {...options}>
      <Identity user={user && { ...user }} />
      <Identity user={user && { ...user }} />
    </WidgentProvider>
  </StrictMode>
)

it('StrictMode: one script, one init, one fetcher registration per change, one token request per user', async () => {
  const { widget, fetchToken, options } = setup({ ready: false })
  const { rerender } = render(<App options={options} user={{ id: 'ada' }} />)
  expect(runScripts(widget)).toBe(1) // StrictMode mounted, unmounted and mounted again: still one tag
  expect(widget.inits).toEqual([{ productId: options.productId, serviceKey: 'key' }])
  widget.fireReady()
  await waitFor(() => expect(screen.getAllByText('identified')).toHaveLength(2))
  expect(widget.registrations).toBe(1)
  expect(fetchToken).toHaveBeenCalledTimes(1)

  rerender(<App options={options} user={null} />)
  await waitFor(() => expect(screen.getAllByText('anonymous')).toHaveLength(2))
  rerender(<App options={options} user={{ id: 'grace' }} />)
  await waitFor(() => expect(screen.getAllByText('identified')).toHaveLength(2))

  expect(widget.registrations).toBe(3)
  expect(widget.answers.map(subOf)).toEqual(['ada', '', 'grace'])
  expect(fetchToken.mock.calls.map(([user]) => user.id)).toEqual(['ada', 'grace'])
  expect(document.querySelectorAll('script')).toHaveLength(1)
  expect(widget.inits).toHaveLength(1)
})
