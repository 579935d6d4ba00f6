import { cleanup, render, screen, waitFor } from '@testing-library/vue'
import { createWidgent, type WidgentOptions, type WidgentUser } from '@widgent/core'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { createApp, defineComponent, effectScope, h, ref, type PropType } from 'vue'
import { WidgentPlugin, useWidgent, useWidgentIdentity } from './index'
import { deferred, flush, jwt, setup, subOf } from '@widgent/test-utils'

afterEach(() => {
  cleanup()
  vi.restoreAllMocks()
})

type User = WidgentUser | null | undefined
const ada = { id: 'ada', name: 'Ada' }
const grace = { id: 'grace', name: 'Grace' }

const show = (state: { value: { identity: string; user: WidgentUser | null } }) => () =>
  h('p', `${state.value.identity} ${state.value.user?.id ?? '-'}`)

/** Tells the kit who is signed in through a getter over its prop, with a fresh object each time. */
const Identity = defineComponent({
  props: { user: Object as PropType<User> },
  setup: (props) => show(useWidgentIdentity(() => props.user && { ...props.user })),
})

/** `count` components asking for the same user, each passing it its own way: a ref, a getter, a plain value. */
const App = defineComponent({
  props: { user: Object as PropType<User>, count: { type: Number, default: 1 } },
  setup(props) {
    const userRef = ref<User>()
    return () => {
      userRef.value = props.user
      return Array.from({ length: props.count }, (_, i) =>
        i % 2
          ? h(defineComponent({ setup: () => show(useWidgentIdentity(userRef)) }))
          : h(Identity, { user: props.user }),
      )
    }
  },
})

const renderApp = (options: WidgentOptions, props: { user: User; count?: number }) =>
  render(App, { props, global: { plugins: [[WidgentPlugin, options]] } })

const shown = () => [...document.querySelectorAll('p')].map((p) => p.textContent)

describe('useWidgentIdentity', () => {
  it('login: one token request, and the widget gets the token once auth settles', async () => {
    const { widget, fetchToken, options } = setup()
    const { rerender } = renderApp(options, { user: undefined })
    await waitFor(() => expect(widget.registrations).toBe(1))
    expect(shown()).toEqual(['unknown -']) // auth loading: the widget's fetcher waits
    expect(widget.answers).toEqual([])

    await rerender({ user: ada })
    await waitFor(() => expect(shown()).toEqual(['identified ada']))
    expect(fetchToken).toHaveBeenCalledTimes(1)
    expect(fetchToken.mock.calls[0]![0]).toEqual(ada)
    await waitFor(() => expect(widget.answers.map(subOf)).toEqual(['ada']))
    expect(widget.registrations).toBe(1)
  })

  it('five components asking for the same user (by ref, getter or value) make one token request', async () => {
    const { widget, fetchToken, options } = setup()
    renderApp(options, { user: ada, count: 5 })
    await waitFor(() => expect(shown()).toEqual(Array(5).fill('identified ada')))
    expect(fetchToken).toHaveBeenCalledTimes(1)
    expect(widget.registrations).toBe(1)
    await waitFor(() => expect(widget.answers.map(subOf)).toEqual(['ada']))
  })

  it('a plain value works too', async () => {
    const { fetchToken, options } = setup()
    const Plain = defineComponent({ setup: () => show(useWidgentIdentity(ada)) })
    render(Plain, { global: { plugins: [[WidgentPlugin, options]] } })
    await waitFor(() => expect(shown()).toEqual(['identified ada']))
    expect(fetchToken).toHaveBeenCalledTimes(1)
  })

  it('logout: the widget is told again and its fetcher answers anonymous', async () => {
    const { widget, fetchToken, options } = setup()
    const { rerender } = renderApp(options, { user: ada, count: 2 })
    await waitFor(() => expect(widget.answers.map(subOf)).toEqual(['ada']))

    await rerender({ user: null, count: 2 })
    await waitFor(() => expect(widget.answers).toHaveLength(2))
    expect(widget.answers[1]).toBe('')
    expect(shown()).toEqual(['anonymous -', 'anonymous -'])
    expect(fetchToken).toHaveBeenCalledTimes(1)
  })

  it('A -> B: the widget gets B, and never A after the switch, even when A answers late', async () => {
    const { widget, fetchToken, answers, options } = setup()
    const late = deferred<string>()
    answers.push(late.promise)
    const { rerender } = renderApp(options, { user: ada })
    await waitFor(() => expect(fetchToken).toHaveBeenCalledTimes(1))

    await rerender({ user: grace })
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
    const { rerender } = renderApp(options, { user: ada, count: 3 })
    await waitFor(() => expect(shown()).toEqual(Array(3).fill('identified ada')))

    for (const user of [{ ...ada }, undefined, { id: 'ada', name: 'Ada L.' }, ada]) await rerender({ user, count: 3 })
    await flush()
    expect(shown()).toEqual(Array(3).fill('identified ada'))
    expect(fetchToken).toHaveBeenCalledTimes(1)
    expect(widget.registrations).toBe(1)
  })
})

describe('useWidgent', () => {
  it('returns the app client and a readonly ref of its state', async () => {
    const { widget, options } = setup()
    let seen: ReturnType<typeof useWidgent> | undefined
    const Launcher = defineComponent({
      setup() {
        seen = useWidgent()
        return () => h('button', { onClick: () => seen!.client.command('open') }, seen!.state.value.widget)
      },
    })
    render(Launcher, { global: { plugins: [[WidgentPlugin, options]] } })
    ;(await screen.findByRole('button', { name: 'ready' })).click()
    expect(widget.commands.at(-1)).toEqual(['open'])
    expect(seen!.client).toBe(createWidgent(options))

    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
    // @ts-expect-error the state is readonly
    seen!.state.value = { ...seen!.state.value, widget: 'error' }
    expect(seen!.state.value.widget).toBe('ready')
    expect(warn).toHaveBeenCalled()
  })

  it('works outside components in the app context, and stops with its effect scope', () => {
    const { options } = setup()
    const client = createWidgent(options)
    const app = createApp({ render: () => null }).use(WidgentPlugin, options)
    const scope = effectScope()
    const state = scope.run(() => app.runWithContext(() => useWidgentIdentity(ada)))!
    expect(state.value).toMatchObject({ user: ada, identity: 'signed-in' })
    scope.stop()
    client.setUser(null)
    expect(state.value.identity).toBe('signed-in') // no longer listening
    app.unmount()
  })

  it('throws a config error naming the plugin when there is none, or no setup() to run in', () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {}) // Vue reports the setup error too
    const Bare = defineComponent({ setup: () => show(useWidgent().state) })
    expect(() => render(Bare)).toThrow(/app\.use\(WidgentPlugin, options\)/)
    expect(() => useWidgentIdentity(ada)).toThrow(expect.objectContaining({ name: 'WidgentError', code: 'config' }))
  })

  it('refuses a verificationSecret at once', () => {
    const { options } = setup()
    const secret = { ...options, verificationSecret: 'shh' } as WidgentOptions
    expect(() => createApp({}).use(WidgentPlugin, secret)).toThrow(/verificationSecret belongs on your server/)
  })
})
