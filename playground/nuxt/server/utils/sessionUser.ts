import type { H3Event } from 'h3'
import type { AuthUser } from '@widgent/playground-shared'

/**
 * Who this request's session cookie belongs to. The session is the demo backend's (shared with the other apps), so
 * this asks it, as an app whose auth lives in a service of its own would; with nuxt-auth-utils it would be
 * `(await getUserSession(event)).user`.
 */
export async function sessionUser(event: H3Event): Promise<AuthUser | null> {
  const { user } = await $fetch<{ user: AuthUser | null }>('/api/session', {
    baseURL: useRuntimeConfig(event).backendUrl,
    headers: { cookie: getRequestHeader(event, 'cookie') ?? '' },
  })
  return user
}
