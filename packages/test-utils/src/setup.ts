import { onTestFinished, vi } from 'vitest'
import { installFakeWidget, type FakeWidgetOptions } from './fakeWidget'
import { jwt } from './tokens'
import { uniqueProduct } from './uniqueProduct'

// The kit's `load` (this package does not depend on the kit): wide, so a test's own `load` replaces it.
type WidgentLoad = 'eager' | 'idle' | 'interaction' | 'manual'

interface User {
  id: string
  name?: string
  metadata?: Record<string, string | number | boolean>
}

/**
 * A fake widget and options for a fresh product, for the bindings' tests: a widget already on the page and ready,
 * or (`ready: false`) one whose script has not arrived (`runScripts(widget)` plays its arrival). `fetchToken`
 * answers at once with a JWT for the user, unless the test queues a deferred answer in `answers`. The load is
 * `eager` (the bindings' tests are about bridging state; the core's own tests cover `idle` and `interaction`).
 */
export function setup<Extra extends object = {}>(
  { ready = true, strict = false, ...extra }: Extra & FakeWidgetOptions = {} as Extra,
) {
  const widget = installFakeWidget({ ready, strict, onPage: ready })
  // A widget left on the page would be joined by the next test's kit, whatever its load says.
  onTestFinished(() => widget.uninstall())
  const answers: Array<Promise<string>> = []
  const fetchToken = vi.fn(
    (user: User, _ctx: { signal: AbortSignal }) => answers.shift() ?? Promise.resolve(jwt(user.id)),
  )
  const options = {
    productId: uniqueProduct(),
    serviceKey: 'key',
    fetchToken,
    load: 'eager' as WidgentLoad,
    ...(extra as Extra),
  }
  return { widget, fetchToken, answers, options }
}
