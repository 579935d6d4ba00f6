import type { WidgentOptions, WidgentUser } from '@widgent/core'

/** What the page's HTML tells its bundle (see pageHtml.ts), as a server-rendered app would. */
export interface PageConfig {
  scriptUrl: string
  /** The signed-in user, from the session cookie; null: signed out. */
  user: WidgentUser | null
  load: NonNullable<WidgentOptions['load']>
}

declare global {
  interface Window {
    pageConfig: PageConfig
  }
  /** esbuild `define`s (bundlePages.ts): whether this bundle has the kit, and the launcher facade. */
  const __KIT__: boolean
  const __FACADE__: boolean
}

export const pageConfig = window.pageConfig

/** The kit's options on every page: the emulator's demo product, the page server's token route. */
export const widgentOptions: WidgentOptions = {
  productId: 'demo-product',
  serviceKey: 'demo-service-key',
  tokenEndpoint: '/api/widgent-token',
  scriptUrl: pageConfig.scriptUrl,
  load: pageConfig.load,
}
