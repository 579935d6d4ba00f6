import {
  addComponent,
  addImports,
  addPlugin,
  addServerImports,
  createResolver,
  defineNuxtModule,
  extendViteConfig,
  useLogger,
} from '@nuxt/kit'
import type { WidgentOptions } from '@widgent/vue'

/** The browser options that fit in runtime config: all but the functions and the per-request `nonce`. */
export type WidgentPublicOptions = Omit<WidgentOptions, 'fetchToken' | 'onError' | 'nonce'>

/** `widgent` in `nuxt.config`. */
export interface ModuleOptions extends Partial<WidgentPublicOptions> {
  /** Server only: where the token route asks for tokens. Default `WIDGENT_API_URL`, then the Widgent API. */
  apiUrl?: string
  /**
   * Server only, never sent to a page. Prefer `NUXT_WIDGENT_VERIFICATION_SECRET` where the app runs to writing it here
   * (a value here is built into the server bundle). Default `WIDGENT_VERIFICATION_SECRET`.
   */
  verificationSecret?: string
}

/** `runtimeConfig.public.widgent`: what the plugin gives `WidgentPlugin`. Empty strings stand for "not set". */
export interface ModulePublicRuntimeConfig {
  widgent: {
    productId: string
    serviceKey: string
    scriptUrl: string
    tokenEndpoint: string
  } & Partial<WidgentPublicOptions>
}

/** `runtimeConfig.widgent`: what `defineWidgentTokenHandler` reads on the server. Empty strings stand for "not set". */
export interface ModuleRuntimeConfig {
  widgent: { apiUrl: string; verificationSecret: string }
}

const DEFAULT_TOKEN_ENDPOINT = '/api/widgent-token'

export default defineNuxtModule<ModuleOptions>({
  meta: { name: '@widgent/nuxt', configKey: 'widgent', compatibility: { nuxt: '>=4.0.0' } },
  setup({ apiUrl, verificationSecret, ...browser }, nuxt) {
    const { resolve } = createResolver(import.meta.url)
    const config = nuxt.options.runtimeConfig
    // Every key that NUXT_ variables may override must exist, so the unset ones are empty strings. What the app's own
    // runtimeConfig says wins over the module options.
    config.public.widgent = {
      productId: '',
      serviceKey: '',
      scriptUrl: '',
      tokenEndpoint: DEFAULT_TOKEN_ENDPOINT,
      ...browser,
      ...(config.public.widgent as object),
    }
    config.widgent = {
      apiUrl: apiUrl ?? '',
      verificationSecret: verificationSecret ?? '',
      ...(config.widgent as object),
    }
    const { productId, serviceKey } = config.public.widgent as ModulePublicRuntimeConfig['widgent']
    // Not for `nuxi prepare` and `nuxi typecheck`: they run nothing.
    if (
      !nuxt.options._prepare &&
      (!(productId || process.env.NUXT_PUBLIC_WIDGENT_PRODUCT_ID) ||
        !(serviceKey || process.env.NUXT_PUBLIC_WIDGENT_SERVICE_KEY))
    ) {
      useLogger('@widgent/nuxt').warn(
        'No Widgent product: set widgent.productId and widgent.serviceKey in nuxt.config, or NUXT_PUBLIC_WIDGENT_PRODUCT_ID and NUXT_PUBLIC_WIDGENT_SERVICE_KEY where the app runs.',
      )
    }

    // Nitro bundles the server runtime (it imports #imports) instead of loading it from node_modules.
    nuxt.options.build.transpile.push(resolve('./runtime'))
    addPlugin(resolve('./runtime/plugin'))
    addImports(['useWidgent', 'useWidgentIdentity'].map((name) => ({ name, from: resolve('./runtime/composables') })))
    // The launcher facade, for pages with `load: 'interaction'` (only the pages that render it ship it).
    addComponent({ name: 'WidgentLauncher', export: 'WidgentLauncher', filePath: '@widgent/vue' })
    addServerImports([
      { name: 'defineWidgentTokenHandler', from: resolve('./runtime/server/defineWidgentTokenHandler') },
    ])
    // Found up front in development, so the first page load never makes Vite add them and reload the page.
    extendViteConfig((vite) => {
      vite.optimizeDeps ||= {}
      ;(vite.optimizeDeps.include ||= []).push(
        '@widgent/nuxt > @widgent/vue',
        '@widgent/nuxt > @widgent/vue > @widgent/core',
      )
    })
  },
})
