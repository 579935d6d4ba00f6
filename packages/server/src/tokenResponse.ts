import { createUserToken } from './createUserToken'
import type { TokenSourceOptions, WidgentUser } from './types'
import { WidgentApiError } from './WidgentApiError'

export interface TokenAnswer {
  status: number
  body: Record<string, unknown>
}

/** The answer of a token route for `user` (from `getUser`, never from the request), shared by both handlers. */
export async function tokenResponse(
  user: WidgentUser | null | undefined,
  options: TokenSourceOptions,
): Promise<TokenAnswer> {
  if (!user) return { status: 401, body: { error: 'Not signed in: sign in, then ask for a Widgent token again.' } }
  const { productId, verificationSecret, apiUrl, fetch, timeoutMs, onError = logError } = options
  try {
    const token = await createUserToken(
      { productId, verificationSecret, userId: user.id, name: user.name, metadata: user.metadata },
      { apiUrl, fetch, timeoutMs },
    )
    return { status: 200, body: { ...token } }
  } catch (error) {
    onError(error)
    // Checked before sending: the app's configuration or getUser is at fault, not Widgent.
    if (error instanceof WidgentApiError && error.code == 'invalid-request' && error.status === undefined) {
      return {
        status: 500,
        body: { error: 'The Widgent token route is misconfigured: see the server log.', code: error.code },
      }
    }
    const code = error instanceof WidgentApiError ? error.code : 'upstream'
    return { status: 502, body: { error: 'Could not get a Widgent token: see the server log.', code } }
  }
}

export const logError = (error: unknown) =>
  console.error(`[@widgent/server] ${error instanceof Error ? error.message : String(error)}`)

export const NO_STORE = { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' }
