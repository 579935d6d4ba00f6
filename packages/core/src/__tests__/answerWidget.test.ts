// @vitest-environment node
import { flush, jwt } from '@widgent/test-utils'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { answerWidget, mayAsk } from '../answerWidget'
import { runningClient } from './clientRecord'
import { forgetToken } from '../requestToken'

const grace = { id: 'grace' }

beforeEach(() => {
  vi.useFakeTimers()
})
afterEach(() => {
  vi.useRealTimers()
})

describe('mayAsk', () => {
  it('only for a signed-in user of a running client, with no failure standing and no session settling', () => {
    expect(mayAsk(runningClient().client)).toBe(true)
    expect(mayAsk(runningClient({ _user: null }).client)).toBe(false)
    expect(mayAsk(runningClient({ _run: undefined }).client)).toBe(false)
    expect(mayAsk(runningClient({ _settling: setTimeout(() => {}, 1) }).client)).toBe(false)
    for (const identity of ['error', 'anonymous'] as const) {
      const { client } = runningClient()
      client._store.set({ identity })
      expect(mayAsk(client)).toBe(false)
    }
  })
})

describe('answerWidget', () => {
  it("answers the signed-in user's token", async () => {
    const { client, requests } = runningClient()
    const answer = answerWidget(client)
    await flush()
    requests[0]!.resolve(jwt('ada'))
    await expect(answer).resolves.toBe(jwt('ada'))
    expect(client._owed).toBeFalsy()
  })

  it("answers '' at once when it may not ask, and owes a signed-in user the next token", async () => {
    const { client, requests } = runningClient()
    client._store.set({ identity: 'error' })
    await expect(answerWidget(client)).resolves.toBe('')
    expect(client._owed).toBe(true)
    const signedOut = runningClient({ _user: null }).client
    await expect(answerWidget(signedOut)).resolves.toBe('')
    expect(signedOut._owed).toBeFalsy()
    expect(requests).toHaveLength(0)
  })

  it("answers '' within tokenTimeoutMs while the route is slow, and owes the user the token", async () => {
    const { client, requests } = runningClient()
    const answer = answerWidget(client)
    await vi.advanceTimersByTimeAsync(1000)
    await expect(answer).resolves.toBe('')
    expect(client._owed).toBe(true)
    // The request goes on behind the answer (its next try), and its token lands in the state.
    await vi.advanceTimersByTimeAsync(500)
    requests[1]!.resolve(jwt('ada'))
    await flush()
    expect(client._store.getSnapshot().identity).toBe('identified')
  })

  it('whose user leaves while it waits answers for the user signed in when it answers', async () => {
    const { client, requests } = runningClient()
    const answer = answerWidget(client)
    await flush()
    // What setUser does on a switch.
    client._user = grace
    forgetToken(client)
    requests[0]!.resolve(jwt('ada'))
    await flush()
    requests[1]!.resolve(jwt('grace'))
    await expect(answer).resolves.toBe(jwt('grace'))
    expect(requests.map((request) => request.user.id)).toEqual(['ada', 'grace'])
  })

  it('waits for auth to settle before it answers, for the user auth settles on', async () => {
    const { client, requests } = runningClient({ _user: undefined })
    const answer = answerWidget(client)
    await flush()
    expect(requests).toHaveLength(0)
    client._user = grace
    client._authWait._settle()
    await flush()
    requests[0]!.resolve(jwt('grace'))
    await expect(answer).resolves.toBe(jwt('grace'))
  })
})
