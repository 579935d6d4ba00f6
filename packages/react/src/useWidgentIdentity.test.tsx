import { cleanup, render, screen, waitFor } from '@testing-library/react'
import { createWidgent, type WidgentOptions, type WidgentUser } from '@widgent/core'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { WidgentProvider, useWidgent, useWidgentIdentity } from './index'
import { deferred, flush, jwt, setup, subOf } from '@widgent/test-utils'

afterEach(() => {
  cleanup()
  vi.restoreAllMocks()
})

const ada = { id: 'ada', name: 'Ada' }
const grace = { id: 'grace', name: 'Grace' }

function Identity({ user }: { user: WidgentUser | null | undefined }) {
  const state = useWidgentIdentity(user)
  return <p>{`${state.identity} ${state.user?.id ?? '-'}`}</p>
}

/** The app: a provider and `count` components that each tell the kit who is signed in. */
function App({
  options,
  user,
  count = 1,
}: {
  options: WidgentOptions
  user: WidgentUser | null | undefined
  count?: number
}) {
  return (
    <WidgentProvider {...options}>
      {Array.from({ length: count }, (_, i) => (
        // a fresh object on every render, as `{ id: auth.user.sub }` in an app would be
        <Identity key={i} user={user && { ...user }} />
      ))}
    </WidgentProvider>
  )
}

const shown = () => screen.getAllByRole('paragraph').map((p) => p.textContent)

describe('useWidgentIdentity', () => {
  it('login: one token request, and the widget gets the token once auth settles', async () => {
    const { widget, fetchToken, options } = setup()
    const { rerender } = render(<App options={options} user={undefined} />)
    await waitFor(() => expect(widget.registrations).toBe(1))
    expect(shown()).toEqual(['unknown -']) // auth loading: the widget's fetcher waits
    expect(widget.answers).toEqual([])

    rerender(<App options={options} user={ada} />)
    await waitFor(() => expect(shown()).toEqual(['identified ada']))
    expect(fetchToken).toHaveBeenCalledTimes(1)
    expect(fetchToken.mock.calls[0]![0]).toEqual(ada)
    await waitFor(() => expect(widget.answers.map(subOf)).toEqual(['ada']))
    expect(widget.registrations).toBe(1)
  })

  it('five components asking for the same user make one token request', async () => {
    const { widget, fetchToken, options } = setup()
    render(<App options={options} user={ada} count={5} />)
    await waitFor(() => expect(shown()).toEqual(Array(5).fill('identified ada')))
    expect(fetchToken).toHaveBeenCalledTimes(1)
    expect(widget.registrations).toBe(1)
    await waitFor(() => expect(widget.answers.map(subOf)).toEqual(['ada']))
  })

  it('logout: the widget is told again and its fetcher answers anonymous', async () => {
    const { widget, fetchToken, options } = setup()
    const { rerender } = render(<App options={options} user={ada} count={2} />)
    await waitFor(() => expect(widget.answers.map(subOf)).toEqual(['ada']))

    rerender(<App options={options} user={null} count={2} />)
    await waitFor(() => expect(widget.answers).toHaveLength(2))
    expect(widget.answers[1]).toBe('')
    expect(shown()).toEqual(['anonymous -', 'anonymous -'])
    expect(fetchToken).toHaveBeenCalledTimes(1)
  })

  it('A -> B: the widget gets B, and never A after the switch, even when A answers late', async () => {
    const { widget, fetchToken, answers, options } = setup()
    const late = deferred<string>()
    answers.push(late.promise)
    const { rerender } = render(<App options={options} user={ada} />)
    await waitFor(() => expect(fetchToken).toHaveBeenCalledTimes(1))

    rerender(<App options={options} user={grace} />)
    await waitFor(() => expect(shown()).toEqual(['identified grace']))
    late.resolve(jwt('ada'))
    await flush()
    expect(widget.answers.map(subOf)).not.toContain('ada')
    expect(subOf(widget.answers.at(-1)!)).toBe('grace')
    expect(fetchToken.mock.calls.map(([user]) => user.id)).toEqual(['ada', 'grace'])
    expect(fetchToken.mock.calls[0]![1].signal.aborted).toBe(true)
  })

  it('the same user in a new object (a token refresh tick, a focus refetch) makes no request', async () => {
    const { widget, fetchToken, options } = setup()
    const { rerender } = render(<App options={options} user={ada} count={3} />)
    await waitFor(() => expect(shown()).toEqual(Array(3).fill('identified ada')))

    for (const user of [{ ...ada }, undefined, { id: 'ada', name: 'Ada L.' }, ada]) {
      rerender(<App options={options} user={user} count={3} />)
    }
    await flush()
    expect(shown()).toEqual(Array(3).fill('identified ada'))
    expect(fetchToken).toHaveBeenCalledTimes(1)
    expect(widget.registrations).toBe(1)
  })

  it('creates one client for its lifetime: new inline options and callbacks on re-render re-create nothing', async () => {
    const { widget, fetchToken, options } = setup()
    const clients = new Set()
    function Client() {
      clients.add(useWidgent().client)
      return null
    }
    const app = () => (
      <WidgentProvider {...options} onError={() => {}} fetchToken={(user, ctx) => fetchToken(user, ctx)}>
        <Client />
        <Identity user={{ ...ada }} />
      </WidgentProvider>
    )
    const { rerender } = render(app())
    await waitFor(() => expect(shown()).toEqual(['identified ada']))
    rerender(app())
    rerender(app())
    expect(clients).toEqual(new Set([createWidgent(options)]))
    expect(widget.inits.length + widget.registrations).toBe(1)
    expect(fetchToken).toHaveBeenCalledTimes(1)
  })
})

describe('useWidgent', () => {
  it('re-renders with the state and gives the client its commands', async () => {
    const { widget, options } = setup()
    function Launcher() {
      const { client, state } = useWidgent()
      return <button onClick={() => client.command('open')}>{state.widget}</button>
    }
    render(
      <WidgentProvider {...options}>
        <Launcher />
      </WidgentProvider>,
    )
    const button = await screen.findByRole('button', { name: 'ready' })
    button.click()
    expect(widget.commands.at(-1)).toEqual(['open'])
  })

  it('throws an error naming WidgentProvider when there is none', () => {
    vi.spyOn(console, 'error').mockImplementation(() => {}) // React reports the render error too
    const { options } = setup()
    expect(() => render(<Identity user={ada} />)).toThrow(/<WidgentProvider>/)
    function Bare() {
      useWidgent()
      return null
    }
    expect(() => render(<Bare />)).toThrow(expect.objectContaining({ name: 'WidgentError', code: 'config' }))
    expect(() =>
      render(
        <WidgentProvider {...options}>
          <Bare />
        </WidgentProvider>,
      ),
    ).not.toThrow()
  })

  it('refuses a verificationSecret at once', () => {
    vi.spyOn(console, 'error').mockImplementation(() => {})
    const { options } = setup()
    const secret = { ...options, verificationSecret: 'shh' } as WidgentOptions
    expect(() => render(<WidgentProvider {...secret} />)).toThrow(/verificationSecret belongs on your server/)
  })
})
