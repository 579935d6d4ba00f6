import type { WidgentOptions } from '@widgent/core'
import { launcherMode } from './launcherMode'

/** What the start script tells the apps (through Vite's `define`): the product, and where its widget is. */
export interface PlaygroundConfig {
  productId: string
  serviceKey: string
  /** The kit's default (the real widget) when absent. */
  scriptUrl?: string
}

declare const __WIDGENT_PLAYGROUND__: PlaygroundConfig | undefined

const TIMEOUTS = ['loadTimeoutMs', 'authTimeoutMs', 'tokenTimeoutMs', 'tokenMaxAgeMs'] as const

/**
 * The kit's options for this page: the product from the start script (`config`, or the Vite apps' constant), and the
 * kit's timeouts from the page's query string (`?loadTimeoutMs=1000`), so a test can shorten them without a code
 * change; `tokenStorage` and `load=eager` likewise. With `?launcher=facade`, `load: 'interaction'`: the script waits
 * for the launcher facade (see `launcherMode`).
 */
export function widgentOptions(
  search = typeof location == 'undefined' ? '' : location.search,
  config = typeof __WIDGENT_PLAYGROUND__ == 'undefined' ? undefined : __WIDGENT_PLAYGROUND__,
): WidgentOptions {
  if (!config) {
    throw new Error(
      'The playground apps get their Widgent product from the start script: run `npm run playground` at the repository root.',
    )
  }
  const options: WidgentOptions = { ...config, tokenEndpoint: '/api/widgent-token' }
  const query = new URLSearchParams(search)
  for (const key of TIMEOUTS) {
    const value = Number(query.get(key))
    if (value > 0) options[key] = value
  }
  // `?tokenStorage=sessionStorage`: the next page load of the same user is identified with no request.
  if (query.get('tokenStorage') == 'sessionStorage') options.tokenStorage = 'sessionStorage'
  // `?load=eager`: the widget at once, instead of the default 'idle' (the facade's mode wins).
  if (query.get('load') == 'eager') options.load = 'eager'
  if (launcherMode(search) == 'facade') options.load = 'interaction'
  return options
}
