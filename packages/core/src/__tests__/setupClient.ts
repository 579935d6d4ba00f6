import {
  controlledFetchToken,
  flush,
  installFakeWidget,
  uniqueProduct,
  type FakeWidgetOptions,
} from '@widgent/test-utils'
import { onTestFinished, vi } from 'vitest'
import type { WidgentOptions } from '../types'
import { freshKit } from './freshKit'

/**
 * A fresh copy of the kit, a fake widget as `widget` says (none for null; installed after the kit, which clears the
 * page), and a client whose token requests wait for the test to answer them (`requests`). Destroyed when the test
 * ends: a client left running would answer the next test's widget too.
 */
export async function setupClient({
  widget: widgetOptions = { ready: true },
  mount = false,
  ...options
}: { widget?: FakeWidgetOptions | null; mount?: boolean } & Partial<WidgentOptions> = {}) {
  const kit = await freshKit()
  const widget = widgetOptions ? installFakeWidget(widgetOptions) : undefined
  const { fetchToken, requests } = controlledFetchToken()
  const onError = vi.fn()
  const productId = uniqueProduct()
  // Eager: these tests are about identity, and the widget loads at mount (the default, 'idle', has tests of its own).
  const client = kit.createWidgent({ productId, serviceKey: 'key', fetchToken, onError, load: 'eager', ...options })
  onTestFinished(() => client.destroy())
  if (mount) {
    client.mount()
    await flush()
  }
  return { kit, widget: widget!, requests, fetchToken, onError, client, productId }
}
