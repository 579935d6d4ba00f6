import { vi } from 'vitest'
import { deferred, type Deferred } from './deferred'

interface User {
  id: string
  name?: string
  metadata?: Record<string, string | number | boolean>
}

/** One token request the kit made: who for, its signal, and its answer, which the test settles when it likes. */
export type FetchTokenCall = { user: User; signal: AbortSignal } & Deferred<string>

/** A `fetchToken` whose every request waits in `requests` until the test answers it (in any order, or never). */
export function controlledFetchToken() {
  const requests: FetchTokenCall[] = []
  const fetchToken = vi.fn((user: User, { signal }: { signal: AbortSignal }) => {
    const request = { user, signal, ...deferred<string>() }
    requests.push(request)
    return request.promise
  })
  return { fetchToken, requests }
}
