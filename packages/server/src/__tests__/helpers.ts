import { inspect } from 'node:util'
import { sendMessage } from '@widgent/test-utils/emulator'
import { expect } from 'vitest'

/** Sends a message with `token` as the widget would, and returns the emulator's answer. */
export async function messageAs(
  url: string,
  token: string,
): Promise<{ identity: string; reply: string; expired: boolean }> {
  const response = await sendMessage(url, { token })
  expect(response.status).toBe(200)
  return response.json()
}

/** Every way an error can be printed or serialised, so a test can check none of them holds `secret`. */
export const everyRendering = (error: unknown): string =>
  [
    String(error),
    (error as Error).stack,
    JSON.stringify(error),
    inspect(error, { depth: Infinity, showHidden: true }),
  ].join('\n')

/** A `fetch` that records what it was asked and answers like the real one. */
export function recordingFetch() {
  const calls: Array<{ url: string; body: string }> = []
  const recorded: typeof fetch = (input, init) => {
    calls.push({ url: String(input), body: String(init?.body) })
    return fetch(input, init)
  }
  return Object.assign(recorded, { calls })
}
