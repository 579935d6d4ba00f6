import { describe, expect, it } from 'vitest'
import { createUserToken } from './createUserToken'
import { CREDENTIALS, useEmulator } from '@widgent/test-utils/emulator'
import { recordingFetch } from './__tests__/helpers'
import { WidgentApiError } from './WidgentApiError'

const keys = (n: number) => Object.fromEntries(Array.from({ length: n }, (_, i) => [`k${i}`, `v${i}`]))

// Each input, and the field both createUserToken (before sending) and the emulator (on receipt) must name.
const invalid: Array<[string, Record<string, unknown>, string]> = [
  ['empty productId', { productId: '' }, 'productId'],
  ['blank verificationSecret', { verificationSecret: ' ' }, 'verificationSecret'],
  ['missing userId', { userId: undefined }, 'userId'],
  ['empty userId', { userId: '' }, 'userId'],
  ['numeric userId', { userId: 42 }, 'userId'],
  ['userId over 256 characters', { userId: 'u'.repeat(257) }, 'userId'],
  ['numeric name', { name: 1 }, 'name'],
  ['name over 200 characters', { name: 'n'.repeat(201) }, 'name'],
  ['array metadata', { metadata: [1] }, 'metadata'],
  ['21 metadata keys', { metadata: keys(21) }, 'metadata'],
  ['nested metadata', { metadata: { a: { b: 1 } } }, 'metadata.a'],
  ['a metadata string over 500 characters', { metadata: { bio: 'b'.repeat(501) } }, 'metadata.bio'],
  ['a metadata key over 40 characters', { metadata: { ['k'.repeat(41)]: 1 } }, `metadata.${'k'.repeat(40)}`],
  ['an infinite metadata number', { metadata: { score: Infinity } }, 'metadata.score'],
]

describe('createUserToken validates before sending, with the emulator’s rules', () => {
  it.each(invalid)('%s', async (_, change, field) => {
    const input = { ...CREDENTIALS, userId: 'ada-1', ...change }
    const recorded = recordingFetch()
    const error = await createUserToken(input as never, { apiUrl: 'http://127.0.0.1:9', fetch: recorded }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(WidgentApiError)
    expect(error).toMatchObject({ code: 'invalid-request', field, status: undefined })
    expect(recorded.calls).toEqual([])
    // JSON has no Infinity: the emulator would see null, which it refuses for the same field.
    const emulator = await useEmulator()
    const answer = await fetch(`${emulator.url}/v1/auth/user-token`, { method: 'POST', body: JSON.stringify(input) })
    expect(answer.status).toBe(400)
    expect((await answer.json()).field).toBe(field)
  })

  it('and both accept every value at its limit', async () => {
    const emulator = await useEmulator()
    const input = {
      ...CREDENTIALS,
      userId: 'u'.repeat(256),
      name: 'n'.repeat(200),
      metadata: { ...keys(18), ['k'.repeat(40)]: true, bio: 'b'.repeat(500) },
    }
    await expect(createUserToken(input, { apiUrl: emulator.url })).resolves.toHaveProperty('token')
  })
})
