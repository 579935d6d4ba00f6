import { afterEach, describe, expect, it, vi } from 'vitest'
import { inTurn } from '../inTurn'

afterEach(() => vi.unstubAllGlobals())

describe('inTurn', () => {
  it('where there are no Web Locks (a page over http, a test runner), runs the task at once', async () => {
    expect(navigator.locks).toBeUndefined()
    const task = vi.fn(async () => 'token')
    const result = inTurn('widgent:p:ada', new AbortController().signal, task)
    expect(task).toHaveBeenCalledOnce()
    expect(await result).toBe('token')
  })

  it('with Web Locks, runs the task holding the named lock, its wait ended by the signal', async () => {
    const signal = new AbortController().signal
    const request = vi.fn((_name: string, _options: { signal: AbortSignal }, task: () => Promise<string>) => task())
    vi.stubGlobal('navigator', { ...navigator, locks: { request } })
    expect(await inTurn('widgent:p:ada', signal, async () => 'token')).toBe('token')
    expect(request).toHaveBeenCalledWith('widgent:p:ada', { signal }, expect.any(Function))
  })
})
