import type { UserMetadata } from './validateTokenRequest'

/**
 * The signed-in user, as the app's auth library knows them: the one declaration the browser kit (`@widgent/core`)
 * and the server (`@widgent/server`) share, since a token is minted for exactly these fields.
 */
export interface WidgentUser {
  /** Stable unique id: the only field that decides whether the widget fetches a new token. */
  id: string
  name?: string
  metadata?: UserMetadata
}
