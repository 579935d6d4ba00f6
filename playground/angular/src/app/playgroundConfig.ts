import { inject, InjectionToken, makeStateKey, REQUEST, TransferState, type Provider } from '@angular/core'
import type { PlaygroundConfig } from '@widgent/playground-shared'

const KEY = makeStateKey<PlaygroundConfig>('widgent-playground')

/**
 * The product and its widget, as the server learnt them when it started (`WIDGENT_PLAYGROUND`, JSON), and as the
 * page learns them from the server's HTML (Angular's TransferState): the build holds none of them.
 */
export const PLAYGROUND_CONFIG = new InjectionToken<PlaygroundConfig>('playground config', {
  factory: () => {
    const config = inject(TransferState).get(KEY, null)
    if (!config)
      throw new Error('No playground config in the page: it comes from the server, started by `npm run playground`.')
    return config
  },
})

/** Where `ng build` runs the app to list its routes: no request, no page, no widget. */
const BUILD_TIME: PlaygroundConfig = { productId: 'ng-build', serviceKey: 'ng-build' }

/** On the server: the config from the environment, handed on to the page. */
export function provideServerPlaygroundConfig(): Provider {
  return {
    provide: PLAYGROUND_CONFIG,
    useFactory: () => {
      const json = process.env['WIDGENT_PLAYGROUND']
      if (!json && !inject(REQUEST, { optional: true })) return BUILD_TIME
      if (!json)
        throw new Error(
          'WIDGENT_PLAYGROUND is not set: the playground app gets its Widgent product from `npm run playground`.',
        )
      const config = JSON.parse(json) as PlaygroundConfig
      inject(TransferState).set(KEY, config)
      return config
    },
  }
}
