import { cleanup, render, waitFor } from '@testing-library/react'
import type { WidgentError } from '@widgent/core'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { jwt, setup, subOf } from '@widgent/test-utils'

// Each test imports the entry afresh: what configureWidgent was told is page-wide, as instrumentation-client.ts's is.
const fresh = async () => {
  vi.resetModules()
  return import('./index')
}

beforeEach(() => {
  vi.stubEnv('NEXT_PUBLIC_WIDGENT_SERVICE_KEY', 'key')
})
afterEach(() => {
  cleanup()
  vi.unstubAllEnvs()
  vi.unstubAllGlobals()
})

/** The page's client for `productId`, from the core the fresh entry imported. */
const clientOf = async (productId: string) =>
  (await import('@widgent/core')).createWidgent({ productId, serviceKey: 'key' })

/** A provider with no function props, as a server layout renders it, for a fresh product. */
const serverLayout = (next: Awaited<ReturnType<typeof fresh>>, productId: string) => {
  vi.stubEnv('NEXT_PUBLIC_WIDGENT_PRODUCT_ID', productId)
  return render(<next.WidgentProvider load="eager" user={{ id: 'ada' }} />)
}

describe('configureWidgent', () => {
  it('gives the provider fetchToken and onError with no prop: the token comes from it, errors go to it', async () => {
    const next = await fresh()
    const { widget, options } = setup()
    const onError = vi.fn((_error: WidgentError) => {})
    const fetchToken = vi.fn(options.fetchToken)
    next.configureWidgent({ fetchToken, onError })
    const fetch = vi.fn()
    vi.stubGlobal('fetch', fetch)
    serverLayout(next, options.productId)
    await waitFor(() => expect(widget.answers.map(subOf)).toEqual(['ada']))
    expect(fetchToken.mock.calls[0]![0]).toEqual({ id: 'ada' })
    expect(fetchToken.mock.calls[0]![1].signal).toBeInstanceOf(AbortSignal)
    expect(fetch).not.toHaveBeenCalled()

    fetchToken.mockResolvedValueOnce('') // not a token
    await (await clientOf(options.productId)).refresh()
    await waitFor(() => expect(onError).toHaveBeenCalledTimes(1))
    expect(onError.mock.calls[0]![0]).toMatchObject({ name: 'WidgentError', code: 'invalid-token' })
  })

  it('a later call replaces the callbacks: the provider reaches the new ones', async () => {
    const next = await fresh()
    const { widget, options } = setup()
    const first = vi.fn()
    const second = vi.fn()
    next.configureWidgent({ onError: first, fetchToken: options.fetchToken })
    serverLayout(next, options.productId)
    await waitFor(() => expect(widget.answers.map(subOf)).toEqual(['ada']))
    const replaced = vi.fn(async () => '')
    next.configureWidgent({ onError: second, fetchToken: replaced })
    await (await clientOf(options.productId)).refresh()
    await waitFor(() => expect(second).toHaveBeenCalledTimes(1))
    expect(replaced).toHaveBeenCalled()
    expect(first).not.toHaveBeenCalled()
  })

  it('props win over what it was given, for a provider rendered from a client component', async () => {
    const next = await fresh()
    const { widget, options } = setup()
    const configured = vi.fn(async () => jwt('nobody'))
    next.configureWidgent({ fetchToken: configured })
    vi.stubEnv('NEXT_PUBLIC_WIDGENT_PRODUCT_ID', options.productId)
    render(<next.WidgentProvider load="eager" user={{ id: 'ada' }} fetchToken={options.fetchToken} />)
    await waitFor(() => expect(widget.answers.map(subOf)).toEqual(['ada']))
    expect(configured).not.toHaveBeenCalled()
  })

  it('once the provider made its client, refuses to add or drop fetchToken: it could not take effect', async () => {
    const next = await fresh()
    const { options } = setup()
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => Response.json({ token: jwt('ada') })),
    )
    serverLayout(next, options.productId) // no fetchToken: the client asks /api/widgent-token
    expect(() => next.configureWidgent({ fetchToken: options.fetchToken })).toThrow(
      expect.objectContaining({
        name: 'WidgentError',
        code: 'config',
        message: expect.stringMatching(/instrumentation-client\.ts/),
      }),
    )
    expect(() => next.configureWidgent({ onError: () => {} })).not.toThrow()

    const again = await fresh()
    const other = setup()
    again.configureWidgent({ fetchToken: other.options.fetchToken })
    serverLayout(again, other.options.productId)
    expect(() => again.configureWidgent({})).toThrow(/adds or drops fetchToken/)
  })
})
