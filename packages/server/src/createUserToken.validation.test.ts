import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { CREDENTIALS, useEmulator } from '@widgent/test-utils/emulator'
import { INVALID_TOKEN_REQUESTS, TOKEN_REQUEST_AT_LIMITS } from '@widgent/test-utils/tokenRequestCases'
import { createUserToken } from './createUserToken'
import { recordingFetch } from './__tests__/helpers'
import { WidgentApiError } from './WidgentApiError'

// The rules themselves are @widgent/token-request's (and its tests'): here, that createUserToken refuses before
// sending, naming the field, and that the emulator, over HTTP, names the same one.
describe('createUserToken validates before sending, with the emulator’s rules', () => {
  // A missing productId or secret would otherwise be taken from the shell's environment.
  beforeEach(() => {
    vi.stubEnv('WIDGENT_PRODUCT_ID', '')
    vi.stubEnv('WIDGENT_VERIFICATION_SECRET', '')
  })
  afterEach(() => void vi.unstubAllEnvs())

  it.each(INVALID_TOKEN_REQUESTS)('%s', async (_, change, field) => {
    const input = { ...CREDENTIALS, userId: 'ada-1', ...change }
    const recorded = recordingFetch()
    const error = await createUserToken(input as never, { apiUrl: 'http://127.0.0.1:9', fetch: recorded }).catch(
      (e: unknown) => e,
    )
    expect(error).toBeInstanceOf(WidgentApiError)
    expect(error).toMatchObject({ code: 'invalid-request', field, status: undefined })
    expect(recorded.calls).toEqual([])
    const emulator = await useEmulator()
    const answer = await fetch(`${emulator.url}/v1/auth/user-token`, { method: 'POST', body: JSON.stringify(input) })
    expect(answer.status).toBe(400)
    expect((await answer.json()).field).toBe(field)
  })

  it('and both accept every value at its limit', async () => {
    const emulator = await useEmulator()
    await expect(
      createUserToken({ ...CREDENTIALS, ...TOKEN_REQUEST_AT_LIMITS }, { apiUrl: emulator.url }),
    ).resolves.toHaveProperty('token')
  })
})
