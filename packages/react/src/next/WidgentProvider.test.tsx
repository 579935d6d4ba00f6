import { cleanup, render, screen, waitFor } from '@testing-library/react'
import { createWidgent, type WidgentUser } from '@widgent/core'
import { useEffect } from 'react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { flush, jwt, runScripts, setup, subOf, uniqueProduct } from '@widgent/test-utils'
import { WidgentProvider, useWidgent, useWidgentIdentity } from './index'

// The first test loads the widget script: the core's page-wide loader state is fresh in a file of its own.
afterEach(() => {
  cleanup()
  vi.unstubAllEnvs()
  vi.unstubAllGlobals()
  vi.restoreAllMocks()
})

const ada = { id: 'ada', name: 'Ada' }
const grace = { id: 'grace', name: 'Grace' }

const stubIds = (productId = uniqueProduct()) => {
  vi.stubEnv('NEXT_PUBLIC_WIDGENT_PRODUCT_ID', productId)
  vi.stubEnv('NEXT_PUBLIC_WIDGENT_SERVICE_KEY', 'env-key')
  return productId
}

/** Every identity the component rendered, in order: what a status line would have shown. */
function Recorder({ seen }: { seen: string[] }) {
  const { state } = useWidgent()
  seen.push(`${state.identity} ${state.user?.id ?? '-'}`)
  return <p>{`${state.identity} ${state.user?.id ?? '-'}`}</p>
}

describe('WidgentProvider from @widgent/react/next: the environment', () => {
  it('reads NEXT_PUBLIC_WIDGENT_PRODUCT_ID, _SERVICE_KEY and _SCRIPT_URL when the props are absent', async () => {
    const productId = stubIds()
    vi.stubEnv('NEXT_PUBLIC_WIDGENT_SCRIPT_URL', 'https://widget.test/widget.js')
    const { widget } = setup({ ready: false })
    render(<WidgentProvider load="eager">{null}</WidgentProvider>)
    expect([...document.scripts].map((script) => script.src)).toEqual(['https://widget.test/widget.js'])
    runScripts(widget)
    expect(widget.inits).toEqual([{ productId, serviceKey: 'env-key' }])
    widget.fireReady() // the page's widget is ready for the tests that follow
  })

  it('prefers props to the environment', () => {
    stubIds('from-env')
    const { options } = setup()
    let client
    function Client() {
      const current = useWidgent().client
      useEffect(() => void (client = current))
      return null
    }
    render(
      <WidgentProvider load="eager" productId={options.productId} serviceKey="prop-key" fetchToken={options.fetchToken}>
        <Client />
      </WidgentProvider>,
    )
    expect(client).toBe(createWidgent({ productId: options.productId, serviceKey: 'prop-key' }))
  })

  it('with neither the environment nor props, throws a config error that names the variables', () => {
    vi.spyOn(console, 'error').mockImplementation(() => {}) // React reports the render error too
    vi.stubEnv('NEXT_PUBLIC_WIDGENT_PRODUCT_ID', '')
    vi.stubEnv('NEXT_PUBLIC_WIDGENT_SERVICE_KEY', '')
    setup()
    expect(() => render(<WidgentProvider load="eager" />)).toThrow(
      expect.objectContaining({ name: 'WidgentError', code: 'config' }),
    )
    expect(() => render(<WidgentProvider load="eager" serviceKey="k" />)).toThrow(
      /NEXT_PUBLIC_WIDGENT_PRODUCT_ID and NEXT_PUBLIC_WIDGENT_SERVICE_KEY/,
    )
  })

  it('asks /api/widgent-token for the token when given neither tokenEndpoint nor fetchToken', async () => {
    stubIds()
    const { widget } = setup()
    const fetch = vi.fn(async (_url: string, _init?: RequestInit) => Response.json({ token: jwt('ada') }))
    vi.stubGlobal('fetch', fetch)
    render(<WidgentProvider load="eager" user={ada} />)
    await waitFor(() => expect(widget.answers.map(subOf)).toEqual(['ada']))
    expect(fetch.mock.calls.map(([url]) => url)).toEqual(['/api/widgent-token'])
  })

  it('still refuses a verificationSecret', () => {
    vi.spyOn(console, 'error').mockImplementation(() => {})
    stubIds()
    setup()
    expect(() => render(<WidgentProvider load="eager" {...({ verificationSecret: 'shh' } as object)} />)).toThrow(
      /verificationSecret belongs on your server/,
    )
  })
})

describe('WidgentProvider from @widgent/react/next: the user prop', () => {
  it("a signed-in page never starts anonymous: the widget's first answer is the session user's token", async () => {
    stubIds()
    const { widget, fetchToken, options } = setup()
    const seen: string[] = []
    render(
      <WidgentProvider load="eager" user={ada} fetchToken={options.fetchToken}>
        <Recorder seen={seen} />
      </WidgentProvider>,
    )
    await waitFor(() => expect(screen.getByRole('paragraph').textContent).toBe('identified ada'))
    expect(seen.filter((shown) => shown.startsWith('anonymous'))).toEqual([])
    expect(widget.answers.map(subOf)).toEqual(['ada'])
    expect(fetchToken).toHaveBeenCalledTimes(1)
  })

  it('follows the prop: signed out, another user, and the same user in a new object costs nothing', async () => {
    stubIds()
    const { widget, fetchToken, options } = setup()
    const seen: string[] = []
    const app = (user: WidgentUser | null) => (
      <WidgentProvider load="eager" user={user && { ...user }} fetchToken={options.fetchToken}>
        <Recorder seen={seen} />
      </WidgentProvider>
    )
    const { rerender } = render(app(ada))
    await waitFor(() => expect(widget.answers.map(subOf)).toEqual(['ada']))
    rerender(app(ada)) // router.refresh() renders the layout again: a new object for the same user
    await flush()
    expect(fetchToken).toHaveBeenCalledTimes(1)
    rerender(app(null))
    await waitFor(() => expect(screen.getByRole('paragraph').textContent).toBe('anonymous -'))
    rerender(app(grace))
    await waitFor(() => expect(screen.getByRole('paragraph').textContent).toBe('identified grace'))
    expect(widget.answers.map(subOf)).toEqual(['ada', '', 'grace'])
    expect(fetchToken.mock.calls.map(([user]) => user)).toEqual([ada, grace])
  })

  it("is applied before the children's effects run", () => {
    stubIds()
    const { options } = setup()
    let userInChildEffect: WidgentUser | null | undefined
    function Child() {
      const { client } = useWidgent()
      useEffect(() => void (userInChildEffect = client.getSnapshot().user), [client])
      return null
    }
    render(
      <WidgentProvider load="eager" user={ada} fetchToken={options.fetchToken}>
        <Child />
      </WidgentProvider>,
    )
    expect(userInChildEffect).toEqual(ada)
  })

  it('left out, the provider tells the kit nothing, and useWidgentIdentity in the app decides', async () => {
    stubIds()
    const { widget, options } = setup()
    function Identity({ user }: { user: WidgentUser | null | undefined }) {
      return <p>{useWidgentIdentity(user).identity}</p>
    }
    const app = (user: WidgentUser | null | undefined) => (
      <WidgentProvider load="eager" fetchToken={options.fetchToken}>
        <Identity user={user} />
      </WidgentProvider>
    )
    const { rerender } = render(app(undefined))
    await waitFor(() => expect(widget.registrations).toBe(1))
    expect(screen.getByRole('paragraph').textContent).toBe('unknown') // auth loading: nobody said null
    rerender(app(grace))
    await waitFor(() => expect(screen.getByRole('paragraph').textContent).toBe('identified'))
    expect(widget.answers.map(subOf)).toEqual(['grace'])
  })
})
