import { inspect } from 'node:util'
import { DEMO_PRODUCT, startEmulator, type EmulatorOptions } from '@widgent/emulator'
import { expect, onTestFinished } from 'vitest'

export { DEMO_PRODUCT }

/** The emulator on a free loopback port, closed when the current test finishes. */
export async function useEmulator(options?: EmulatorOptions) {
  const emulator = await startEmulator(options)
  onTestFinished(() => emulator.close())
  return emulator
}

/** The demo product's credentials, as `createUserToken` input. */
export const CREDENTIALS = { productId: DEMO_PRODUCT.productId, verificationSecret: DEMO_PRODUCT.verificationSecret }

/** Sends a message with `token` as the widget would, and returns the emulator's answer. */
export async function messageAs(url: string, token: string): Promise<{ identity: string; reply: string; expired: boolean }> {
  const response = await fetch(`${url}/v1/messages`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}`, Origin: 'http://localhost:5173' },
    body: JSON.stringify({ productId: DEMO_PRODUCT.productId, text: 'hello' }),
  })
  expect(response.status).toBe(200)
  return response.json()
}

export const claimsOf = (token: string): Record<string, unknown> => JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString())

/** Every way an error can be printed or serialised, so a test can check none of them holds `secret`. */
export const everyRendering = (error: unknown): string =>
  [String(error), (error as Error).stack, JSON.stringify(error), inspect(error, { depth: Infinity, showHidden: true })].join('\n')

/** A `fetch` that records what it was asked and answers like the real one. */
export function recordingFetch() {
  const calls: Array<{ url: string; body: string }> = []
  const recorded: typeof fetch = (input, init) => {
    calls.push({ url: String(input), body: String(init?.body) })
    return fetch(input, init)
  }
  return Object.assign(recorded, { calls })
}
