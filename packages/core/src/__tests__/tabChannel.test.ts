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

describe('over localStorage, where there is no BroadcastChannel', () => {
  /** A write to localStorage in another tab, as this tab's `storage` event shows it. */
  const written = (key: string, newValue: string | null) =>
    window.dispatchEvent(new StorageEvent('storage', { key, newValue }))

  it('tells the other tabs by writing { userId, at } under the product key, and nothing else', () => {
    vi.stubGlobal('BroadcastChannel', undefined)
    const tab = openTab()
    tab.tell('ada')
    const value = JSON.parse(localStorage.getItem('widgent:p')!)
    expect(value).toEqual({ userId: 'ada', at: expect.any(Number) })
    tab.tell(null)
    expect(JSON.parse(localStorage.getItem('widgent:p')!)).toMatchObject({ userId: null })
  })

  it("hears the other tabs' writes under its product key only", () => {
    vi.stubGlobal('BroadcastChannel', undefined)
    const tab = openTab()
    written('widgent:p', JSON.stringify({ userId: 'grace', at: 1 }))
    written('widgent:p', JSON.stringify({ userId: null, at: 2 }))
    written('widgent:other', JSON.stringify({ userId: 'alan', at: 3 }))
    // The key removed (localStorage.clear() in another tab): no word from the kit, and nothing breaks.
    const errors = vi.fn()
    window.addEventListener('error', errors)
    written('widgent:p', null)
    window.removeEventListener('error', errors)
    expect(errors).not.toHaveBeenCalled()
    expect(tab.heard.mock.calls).toEqual([['grace'], [null]])
  })

  it('storage turned off: telling the other tabs does not throw', () => {
    vi.stubGlobal('BroadcastChannel', undefined)
    vi.spyOn(Storage.prototype, 'setItem').mockImplementation(() => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError')
    })
    expect(() => openTab().tell('ada')).not.toThrow()
  })

  it('an abort removes the storage listener', () => {
    vi.stubGlobal('BroadcastChannel', undefined)
    const tab = openTab()
    tab.run.abort()
    written('widgent:p', JSON.stringify({ userId: 'grace', at: 1 }))
    expect(tab.heard).not.toHaveBeenCalled()
  })
})
