import { cleanup, render, waitFor } from '@testing-library/svelte'
import type { WidgentOptions, WidgentUser } from '@widgent/core'
import { get, writable } from 'svelte/store'
import { afterEach, describe, expect, it, vi } from 'vitest'
import Bare from './fixtures/Bare.svelte'
import Root from './fixtures/Root.svelte'
import { createWidgent } from './index'
import { deferred, flush, jwt, setup, subOf } from '@widgent/test-utils'

afterEach(() => {
  cleanup()
  vi.restoreAllMocks()
})

type User = WidgentUser | null | undefined
const ada = { id: 'ada', name: 'Ada' }
const grace = { id: 'grace', name: 'Grace' }

/** A root component sharing a Widgent with `count` children that each bind it to the same auth store. */
function renderApp(options: WidgentOptions, user: User, count = 1) {
  const auth = writable<User>(user)
  const widgent = createWidgent(options)
  render(Root, { widgent, auth, count })
  return { auth, widgent }
}

const shown = () => [...document.querySelectorAll('p')].map((p) => p.textContent)

describe('bindIdentity', () => {
  it('login: one token request, and the widget gets the token once auth settles', async () => {
    const { widget, fetchToken, options } = setup()
    const { auth } = renderApp(options, undefined)
    await waitFor(() => expect(widget.registrations).toBe(1))
    expect(shown()).toEqual(['unknown -']) // auth loading: the widget's fetcher waits
    expect(widget.answers).toEqual([])

    auth.set(ada)
    await waitFor(() => expect(shown()).toEqual(['identified ada']))
    expect(fetchToken).toHaveBeenCalledTimes(1)
    expect(fetchToken.mock.calls[0]![0]).toEqual(ada)
    await waitFor(() => expect(widget.answers.map(subOf)).toEqual(['ada']))
    expect(widget.registrations).toBe(1)
  })

  it('five components binding the same auth store make one token request', async () => {
    const { widget, fetchToken, options } = setup()
    renderApp(options, ada, 5)
    await waitFor(() => expect(shown()).toEqual(Array(5).fill('identified ada')))
    expect(fetchToken).toHaveBeenCalledTimes(1)
    expect(widget.registrations).toBe(1)
    await waitFor(() => expect(widget.answers.map(subOf)).toEqual(['ada']))
  })

  it('logout: the widget is told again and its fetcher answers anonymous', async () => {
    const { widget, fetchToken, options } = setup()
    const { auth } = renderApp(options, ada, 2)
    await waitFor(() => expect(widget.answers.map(subOf)).toEqual(['ada']))

    auth.set(null)
    await waitFor(() => expect(widget.answers).toHaveLength(2))
    expect(widget.answers[1]).toBe('')
    await waitFor(() => expect(shown()).toEqual(['anonymous -', 'anonymous -']))
    expect(fetchToken).toHaveBeenCalledTimes(1)
  })

  it('A -> B: the widget gets B, and never A after the switch, even when A answers late', async () => {
    const { widget, fetchToken, answers, options } = setup()
    const late = deferred<string>()
    answers.push(late.promise)
    const { auth } = renderApp(options, ada)
    await waitFor(() => expect(fetchToken).toHaveBeenCalledTimes(1))

    auth.set(grace)
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
    const { auth } = renderApp(options, ada, 3)
    await waitFor(() => expect(shown()).toEqual(Array(3).fill('identified ada')))

    for (const user of [{ ...ada }, undefined, { id: 'ada', name: 'Ada L.' }, ada]) auth.set(user)
    await flush()
    expect(shown()).toEqual(Array(3).fill('identified ada'))
    expect(fetchToken).toHaveBeenCalledTimes(1)
    expect(widget.registrations).toBe(1)
  })

  it('runs the widget while bound, with no component and no state subscriber', async () => {
    const { widget, options } = setup()
    const { state, client, bindIdentity } = createWidgent(options)
    const unbind = bindIdentity(writable(ada))
    await waitFor(() => expect(client.getSnapshot().identity).toBe('identified'))
    expect(get(state).identity).toBe('identified') // a one-off read while bound leaves it running
    unbind()
    expect(client.getSnapshot().widget).toBe('idle')
    expect(await widget.ask()).toBe('')
  })
})

describe('state', () => {
  it('is a store: the first subscriber starts the widget, the last one to leave releases it', async () => {
    const { widget, options } = setup()
    const { state, client } = createWidgent(options)
    expect(client.getSnapshot().widget).toBe('idle') // creating it touched nothing
    const seen: string[] = []
    const stop = [state.subscribe((s) => seen.push(s.widget)), state.subscribe(() => {})]
    await waitFor(() => expect(seen.at(-1)).toBe('ready'))
    client.command('open')
    expect(widget.commands.at(-1)).toEqual(['open'])
    stop[0]!()
    expect(client.getSnapshot().widget).toBe('ready')
    stop[1]!()
    expect(client.getSnapshot().widget).toBe('idle')
  })

  it('createWidgent returns stores over one client per product', () => {
    const { options } = setup()
    expect(createWidgent(options).client).toBe(createWidgent({ ...options, serviceKey: 'other' }).client)
  })

  it('refuses a verificationSecret at once', () => {
    const { options } = setup()
    expect(() => createWidgent({ ...options, verificationSecret: 'shh' } as WidgentOptions)).toThrow(
      /verificationSecret belongs on your server/,
    )
  })
})

describe('getWidgentContext', () => {
  it('throws a config error naming setWidgentContext when no parent shared a Widgent', () => {
    expect(() => render(Bare)).toThrow(/setWidgentContext\(createWidgent\(options\)\)/)
    expect(() => render(Bare)).toThrow(expect.objectContaining({ name: 'WidgentError', code: 'config' }))
  })
})
