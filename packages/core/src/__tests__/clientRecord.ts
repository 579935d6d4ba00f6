import { controlledFetchToken } from '@widgent/test-utils'
import { answerWidget } from '../answerWidget'
import { initialState, type Client } from '../client'
import { createStore } from '../createStore'
import { createHeldCommands } from '../heldCommands'
import { createRecovery } from '../recovery'
import { createTokenSource } from '../tokenSource'
import { createAuthWait } from '../waitForAuth'
import type { WidgentOptions } from '../types'

/**
 * A client record of real parts, running, for Ada, before any widget is ready: what the parts read and move, and the
 * token requests they make (answered by the test). `patch` sets fields of the record, `extra` options.
 */
export function runningClient(patch: Partial<Client> = {}, extra: Partial<WidgentOptions> = {}) {
  const { fetchToken, requests } = controlledFetchToken()
  const options: WidgentOptions = { productId: 'p', serviceKey: 'k', fetchToken, tokenTimeoutMs: 1000, ...extra }
  const client: Client = {
    _options: options,
    _store: createStore(initialState),
    _tokens: createTokenSource(options, () => undefined),
    _recovery: createRecovery(() => {}),
    _authWait: createAuthWait(5000),
    _held: createHeldCommands(),
    _fetcher: () => answerWidget(client),
    _mounts: new Set(),
    _loadError: null,
    _debug: () => {},
    _run: new AbortController(),
    _user: { id: 'ada' },
    ...patch,
  }
  return { client, requests }
}
