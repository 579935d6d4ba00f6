import { call, register, report, setState, type Client } from './client'
import { mayAsk } from './answerWidget'
import { loadScript } from './loadWidgent'
import { requestToken } from './requestToken'
import { retry } from './retryer'
import { startClient } from './startClient'
import type { WidgentError } from './WidgentError'

/** Loads the widget once (again after a failed load), registers the fetcher and hands it the commands held meanwhile. */
export async function loadClient(client: Client): Promise<void> {
  if (typeof window == 'undefined') return
  if (!client._loading || client._loadError) {
    const { signal } = startClient(client)
    client._loadError = null
    setState(client, { widget: 'loading' })
    // The token is asked for beside the script, so the widget gets it the moment it is ready to ask.
    if (mayAsk(client)) requestToken(client)
    client._loading = retry(() => loadScript(client._options), signal).then(
      () => {
        if (!signal.aborted) widgetReady(client)
      },
      (error: WidgentError) => {
        if (signal.aborted) return
        client._loadError = error
        __DEV__ && client._debug!(`widget: load failed (${error.code})`, error)
        report(client, error, { widget: 'error' })
      },
    )
  }
  await client._loading
}

function widgetReady(client: Client) {
  client._ready = true
  setState(client, { widget: 'ready' })
  register(client)
  client._held._release(call)
}
