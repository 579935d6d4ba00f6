import { deferred, flush, installFakeWidget, jwt, uniqueProduct } from '@widgent/test-utils'
import { afterEach, describe, expect, it, onTestFinished, vi } from 'vitest'
import type { WidgentOptions } from '../types'
import { freshKit } from './freshKit'

async function setup(extra: Partial<WidgentOptions>) {
  const kit = await freshKit()
  installFakeWidget({ ready: true, strict: true })
  const answers = [deferred<string>(), deferred<string>()]
  const fetchToken = vi.fn(() => answers[fetchToken.mock.calls.length - 1]!.promise)
  const client = kit.createWidgent({ productId: uniqueProduct(), serviceKey: 'k', fetchToken, load: 'eager', ...extra })
  onTestFinished(() => client.destroy())
  const logged = vi.spyOn(console, 'debug').mockImplementation(() => {})
  return { client, answers, logged: () => logged.mock.calls.map(([line]) => String(line)) }
}

afterEach(() => {
  localStorage.clear()
  vi.restoreAllMocks()
})

describe('the debug switch (development builds)', () => {
  it('logs each decision with options.debug: user changes, registrations, requests, a stale answer discarded', async () => {
    const { client, answers, logged } = await setup({ debug: true })
    client.mount()
    client.setUser({ id: 'ada' })
    await flush()
    client.setUser({ id: 'grace' })
    answers[0]!.resolve(jwt('ada'))
    await flush()
    expect(logged()).toEqual([
      '[widgent] user: unknown -> ada',
      '[widgent] widget: fetcher registered, so the widget asks',
      '[widgent] token: request',
      '[widgent] user: ada -> grace',
      '[widgent] widget: fetcher registered, so the widget asks',
      '[widgent] token: request',
      '[widgent] token: discarded, its user left (or the client stopped)',
    ])
  })

  it('turns on from the console, with no rebuild: localStorage widgent:debug', async () => {
    const { client, logged } = await setup({})
    client.mount()
    client.setUser({ id: 'ada' })
    expect(logged()).toEqual([])
    localStorage.setItem('widgent:debug', '1')
    client.setUser(null)
    expect(logged()).toContain('[widgent] user: ada -> signed out')
  })
})
