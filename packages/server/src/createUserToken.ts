import type { CreateUserTokenInput, CreateUserTokenOptions, UserToken } from './types'
import { validateTokenRequest } from '@widgent/token-request'
import { codeForStatus, WidgentApiError } from './WidgentApiError'

export const DEFAULT_API_URL = 'https://api.widgent.app'
const ENV_HINT: Record<string, string> = {
  productId: 'WIDGENT_PRODUCT_ID (or NEXT_PUBLIC_WIDGENT_PRODUCT_ID)',
  verificationSecret: 'WIDGENT_VERIFICATION_SECRET',
}

/**
 * Asks Widgent (`POST /v1/auth/user-token`) for a token naming this user. Call it from your server only:
 * it sends your verification secret. Throws a `WidgentApiError` on bad input, a non-2xx answer, a timeout
 * or a network failure.
 */
export async function createUserToken(
  input: CreateUserTokenInput,
  options: CreateUserTokenOptions = {},
): Promise<UserToken> {
  const env = globalThis.process?.env ?? {}
  const checked = validateTokenRequest({
    ...input,
    productId: input.productId ?? productIdFromEnv(env),
    verificationSecret: input.verificationSecret ?? env.WIDGENT_VERIFICATION_SECRET,
  })
  if (!checked.ok) {
    const hint = ENV_HINT[checked.field] && ` Pass ${checked.field} or set ${ENV_HINT[checked.field]}.`
    throw new WidgentApiError(`${checked.error}${hint || ''}`, 'invalid-request', undefined, checked.field)
  }
  const secret = checked.request.verificationSecret
  // Whatever reaches an error message passes through here, so an upstream that echoes the request leaks nothing.
  const redact = (text: string) => text.split(secret).join('[redacted]')
  const apiUrl = (options.apiUrl ?? env.WIDGENT_API_URL ?? DEFAULT_API_URL).replace(/\/+$/, '')
  const { timeoutMs = 10_000, fetch: send = globalThis.fetch } = options
  const signal = AbortSignal.timeout(timeoutMs)
  let response: Response
  let text: string
  try {
    response = await send(`${apiUrl}/v1/auth/user-token`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
      body: JSON.stringify(checked.request),
      signal,
    })
    text = await response.text()
  } catch (error) {
    if (signal.aborted) {
      throw new WidgentApiError(
        `No answer from ${apiUrl} within ${timeoutMs} ms: check WIDGENT_API_URL and the network, or raise timeoutMs.`,
        'timeout',
      )
    }
    throw new WidgentApiError(
      `Could not reach ${apiUrl}: ${redact(describe(error))}. Check WIDGENT_API_URL and the network.`,
      'network',
    )
  }
  const { status } = response
  let body: { token?: unknown; expiresAt?: unknown; error?: unknown; field?: unknown } = {}
  try {
    body = JSON.parse(text)
  } catch {}
  if (status < 200 || status > 299) {
    const reason = typeof body.error == 'string' ? redact(body.error) : `HTTP ${status}`
    const field = typeof body.field == 'string' ? body.field : undefined
    throw new WidgentApiError(
      `Widgent refused the token request (${status}): ${reason}`,
      codeForStatus(status),
      status,
      field,
    )
  }
  if (typeof body.token != 'string' || !body.token) {
    throw new WidgentApiError(
      `${apiUrl} answered ${status} with no token: check that WIDGENT_API_URL points at the Widgent API.`,
      'invalid-response',
      status,
    )
  }
  return typeof body.expiresAt == 'number' ? { token: body.token, expiresAt: body.expiresAt } : { token: body.token }
}

/**
 * `WIDGENT_PRODUCT_ID`, else the page's `NEXT_PUBLIC_WIDGENT_PRODUCT_ID`: the product id is public (the page sends it
 * to `init`), and the token must name the product the page runs, so a Next.js app writes it once. Two different
 * values can only be a mistake: the widget would get tokens for another product.
 */
function productIdFromEnv(env: Record<string, string | undefined>): string | undefined {
  const { WIDGENT_PRODUCT_ID: server, NEXT_PUBLIC_WIDGENT_PRODUCT_ID: page } = env
  if (server && page && server != page) {
    throw new WidgentApiError(
      `WIDGENT_PRODUCT_ID (${server}) and NEXT_PUBLIC_WIDGENT_PRODUCT_ID (${page}) differ: the page would run one product and get tokens for the other. Set one of them.`,
      'invalid-request',
      undefined,
      'productId',
    )
  }
  return server || page
}

// Node's fetch hides the reason (ECONNREFUSED, ENOTFOUND) one level down, in `cause`.
const describe = (error: unknown): string => {
  const { message, cause } = error as { message?: string; cause?: { message?: string; code?: string } }
  return [message, cause?.code ?? cause?.message].filter(Boolean).join(': ') || String(error)
}
