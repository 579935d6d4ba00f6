import { DEMO_PRODUCT, startEmulator, type EmulatorOptions } from '@widgent/emulator'
import { onTestFinished } from 'vitest'
import { expiresAtOf } from './tokens'

export { DEMO_PRODUCT }

/** An emulator on a free loopback port, closed when the current test finishes. */
export async function useEmulator(options?: EmulatorOptions) {
  const emulator = await startEmulator(options)
  onTestFinished(() => emulator.close())
  return emulator
}

/** The demo product's credentials, as a backend sends them to `POST /v1/auth/user-token`. */
export const CREDENTIALS = { productId: DEMO_PRODUCT.productId, verificationSecret: DEMO_PRODUCT.verificationSecret }

export const postJson = (url: string, body: unknown, headers: Record<string, string> = {}) =>
  fetch(url, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...headers },
    body: JSON.stringify(body),
  })

/**
 * A token from the emulator's own endpoint, as a backend gets one (for `ada-1` unless `fields` say otherwise), and
 * its expiry in ms: the answer's `expiresAt`, or (strict: the answer has none) read from the token.
 */
export async function mintToken(
  url: string,
  fields: Record<string, unknown> = {},
): Promise<{ token: string; expiresAt: number; answer: Record<string, unknown> }> {
  const response = await postJson(`${url}/v1/auth/user-token`, {
    ...CREDENTIALS,
    userId: 'ada-1',
    name: 'Ada',
    ...fields,
  })
  if (!response.ok) throw new Error(`mintToken: ${response.status} ${await response.text()}`)
  const answer = (await response.json()) as { token: string; expiresAt?: number }
  return { token: answer.token, expiresAt: answer.expiresAt ?? expiresAtOf(answer.token)!, answer }
}

/** Sends a message as the widget would from `origin`, with `token` when given. */
export const sendMessage = (
  url: string,
  {
    token,
    text = 'hello',
    productId = DEMO_PRODUCT.productId,
    origin = 'http://localhost:5173',
  }: { token?: string; text?: string; productId?: string; origin?: string } = {},
) =>
  postJson(
    `${url}/v1/messages`,
    { productId, text },
    { Origin: origin, ...(token ? { Authorization: `Bearer ${token}` } : {}) },
  )

/**
 * The emulator's two modes, for `describe.each` / `it.each` (`'… ($mode)'`): the default (JWTs, `expiresAt`, a
 * `ready` flag, a command queue) and strict (only what the vendor page documents).
 */
export const EMULATOR_MODES = [
  { mode: 'default', strict: false },
  { mode: 'strict', strict: true },
] as const
