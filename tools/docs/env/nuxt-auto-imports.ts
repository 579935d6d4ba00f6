// What a Nuxt app with @widgent/nuxt has auto-imported (the module's addImports, addServerImports and addComponent),
// plus Nuxt's own and nuxt-auth-utils' (not installed here: typed as its docs give them). A Nuxt block of a README
// imports from here the names Nuxt would give it: `<!-- checked with: import { ... } from './nuxt-auto-imports' -->`.
import type { H3Event } from 'h3'
import type { Ref } from 'vue'
import type { ModuleOptions } from '@widgent/nuxt'
export { defineWidgentTokenHandler } from '../../packages/nuxt/dist/runtime/server/defineWidgentTokenHandler.js'
export { useWidgent, useWidgentIdentity, WidgentLauncher } from '@widgent/vue'
export { defineNuxtConfig } from 'nuxt/config'
export { defineNuxtPlugin } from 'nuxt/app'

// The module's key in nuxt.config, as `nuxi prepare` types it from the module's configKey.
declare module 'nuxt/schema' {
  interface NuxtConfig {
    widgent?: Partial<ModuleOptions>
  }
}

// nuxt-auth-utils' User is the app's own: this app's has a string id.
interface SessionUser {
  id: string
  name: string
}
export declare function getUserSession(event: H3Event): Promise<{ user?: SessionUser }>
export declare function useUserSession(): { user: Ref<SessionUser | null> }
