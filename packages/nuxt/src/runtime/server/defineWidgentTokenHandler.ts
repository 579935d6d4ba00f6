import { defineEventHandler, toWebRequest, useRuntimeConfig } from '#imports'
import type { EventHandler, EventHandlerRequest, H3Event } from 'h3'
import { widgentTokenRoute, type TokenSourceOptions, type WidgentUser } from '@widgent/server'

export interface WidgentTokenHandlerOptions extends TokenSourceOptions {
  /** Who is signed in, from your session: `null` or `undefined` when nobody is (the route answers 401). */
  getUser(event: H3Event): WidgentUser | null | undefined | Promise<WidgentUser | null | undefined>
}

/**
 * The token route, for `server/api/widgent-token.get.ts`:
 * `export default defineWidgentTokenHandler({ getUser: async (event) => ... })`. It reads `runtimeConfig.widgent` and
 * `runtimeConfig.public.widgent.productId` on every request (so `NUXT_WIDGENT_*` overrides apply), then falls back to
 * `WIDGENT_*` as `@widgent/server` does; options given here win over both. The user comes from `getUser` alone.
 */
export function defineWidgentTokenHandler(
  options: WidgentTokenHandlerOptions,
): EventHandler<EventHandlerRequest, Promise<Response>> {
  return defineEventHandler((event) => {
    const { widgent, public: pub } = useRuntimeConfig(event) as unknown as {
      widgent: { apiUrl: string; verificationSecret: string }
      public: { widgent: { productId: string } }
    }
    const route = widgentTokenRoute<[H3Event]>({
      // Empty means unset: @widgent/server then reads WIDGENT_*.
      productId: pub.widgent.productId || undefined,
      verificationSecret: widgent.verificationSecret || undefined,
      apiUrl: widgent.apiUrl || undefined,
      ...options,
      getUser: (_, event) => options.getUser(event),
    })
    return route(toWebRequest(event), event)
  })
}
