import { afterEach, describe, expect, it, vi } from 'vitest'
import { openTabChannel } from '../tabChannel'

// Each open channel is a tab; all of them close when the test ends.
const runs: AbortController[] = []

/** The kit in one tab of the origin: what it heard from the others, and how it tells them. */
function openTab(productId = 'p') {
  const run = new AbortController()
  runs.push(run)
  const heard = vi.fn()
  const channel = openTabChannel(productId, { _changed: heard, _asked: () => undefined }, run.signal)
  return { heard, tell: channel._tell, run }
}

afterEach(() => {
  runs.splice(0).forEach((run) => run.abort())
  vi.unstubAllGlobals()
  vi.restoreAllMocks()
  localStorage.clear()
})

describe('over BroadcastChannel', () => {
  it("tells the origin's other tabs the user id (null: signed out), and hears theirs; never itself", async () => {
    const a = openTab()
    const b = openTab()
    a.tell('ada')
    await expect.poll(() => b.heard.mock.calls).toEqual([['ada']])
    b.tell(null)
    await expect.poll(() => a.heard.mock.calls).toEqual([[null]])
    expect(b.heard.mock.calls).toEqual([['ada']])
  })

  it('a message holds the user id only: never a token, a name or metadata', async () => {
    const other = new BroadcastChannel('widgent:p')
    const messages: unknown[] = []
    other.onmessage = (event) => messages.push(event.data)
    try {
      const tab = openTab()
      tab.tell('ada')
      tab.tell(null)
      // The tab's hello first (so the tabs already there say they are), then the changes.
      await expect.poll(() => messages).toEqual([{ hello: 1 }, 'ada', null])
    } finally {
      other.close()
    }
  })

  it('an abort closes the channel: the tab hears nothing more', async () => {
    const close = vi.spyOn(BroadcastChannel.prototype, 'close')
    const a = openTab()
    const b = openTab()
    const c = openTab()
    a.run.abort()
    expect(close).toHaveBeenCalledOnce()
    b.tell('grace')
    // Once another open tab has heard it, the closed one would have too.
    await expect.poll(() => c.heard.mock.calls).toEqual([['grace']])
    expect(a.heard).not.toHaveBeenCalled()
  })
})

describe('where there is no BroadcastChannel (a browser older than the baseline)', () => {
  it('the tab hears no other tab and tells none: nothing throws, nothing is written to storage', () => {
    vi.stubGlobal('BroadcastChannel', undefined)
    const setItem = vi.spyOn(Storage.prototype, 'setItem')
    const tab = openTab()
    expect(() => tab.tell('ada')).not.toThrow()
    expect(setItem).not.toHaveBeenCalled()
    expect(localStorage.length).toBe(0)
  })
})
