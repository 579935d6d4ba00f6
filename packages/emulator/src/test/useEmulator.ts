import { onTestFinished, vi } from 'vitest'
import { DEMO_PRODUCT } from '../DEMO_PRODUCT'
import { startEmulator } from '../startEmulator'
import type { EmulatorOptions } from '../types'

/** An emulator on a free loopback port, closed when the current test finishes. */
export async function useEmulator(options?: EmulatorOptions) {
  const emulator = await startEmulator(options)
  onTestFinished(() => emulator.close())
  return emulator
}

export const postJson = (url: string, body: unknown, headers: Record<string, string> = {}) =>
  fetch(url, { method: 'POST', headers: { 'Content-Type': 'application/json', ...headers }, body: JSON.stringify(body) })

/** A token for `userId` from the emulator's own endpoint, as a backend gets one. */
export async function mintToken(url: string, fields: Record<string, unknown> = {}): Promise<{ token: string; expiresAt: number }> {
  const { productId, verificationSecret } = DEMO_PRODUCT
  const response = await postJson(`${url}/v1/auth/user-token`, { productId, verificationSecret, userId: 'ada-1', name: 'Ada', ...fields })
  if (!response.ok) throw new Error(`mintToken: ${response.status} ${await response.text()}`)
  return response.json() as Promise<{ token: string; expiresAt: number }>
}

/** Sends a message as the widget would from `origin`. */
export const sendMessage = (url: string, { token, text = 'hello', productId = DEMO_PRODUCT.productId, origin = 'http://localhost:5173' }: { token?: string; text?: string; productId?: string; origin?: string } = {}) =>
  postJson(`${url}/v1/messages`, { productId, text }, { Origin: origin, ...(token ? { Authorization: `Bearer ${token}` } : {}) })

/** A JWT payload, decoded. */
export const claimsOf = (token: string): Record<string, unknown> => JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString())

/** Retries `check` until it passes: the page or the server gets there in its own time (10 s at most). */
export const eventually = <T>(check: () => T) => vi.waitFor(check, { timeout: 10_000, interval: 10 })
