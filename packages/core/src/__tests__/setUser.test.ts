import { flush, jwt } from '@widgent/test-utils'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { destroyClient } from '../destroyClient'
import { requestToken } from '../requestToken'
import { setUser } from '../setUser'
import type { TabChannel } from '../tabChannel'
import { runningClient } from './clientRecord'

const grace = { id: 'grace' }

/** A ready widget on the page, recording what it is told. */
function readyWidget() {
  const widgent = vi.fn()
  window.widgent = Object.assign(widgent, { init: vi.fn() })
  return widgent
}
const tabs = (): TabChannel => ({ _tell: vi.fn(), _ask: () => undefined })

afterEach(() => {
  delete window.widgent
})

describe('setUser', () => {
  it('auth still loading (undefined) changes nothing: a blip signs nobody out', () => {
    const { client } = runningClient()
    const before = client._store.getSnapshot()
    setUser(client, undefined)
    expect(client._user).toEqual({ id: 'ada' })
    expect(client._store.getSnapshot()).toBe(before)
  })

  it('a new object for the same user changes what the next request sends, and nothing else', async () => {
    const { client, requests } = runningClient({ _tabs: tabs() })
    void requestToken(client)
    const ada = { id: 'ada', name: 'Ada L.' }
    setUser(client, ada)
    expect(client._user).toBe(ada)
    expect(client._request).toBeDefined()
    expect(client._tabs!._tell).not.toHaveBeenCalled()
    await flush()
    expect(requests).toHaveLength(1)
  })

  it('a switch drops the token, tells the other tabs, and tells a ready widget: reset, anonymous, ask again', async () => {
    const widgent = readyWidget()
    const { client, requests } = runningClient({ _tabs: tabs(), _ready: true }, { resetCommand: 'reset' })
    void requestToken(client).catch(() => {})
    await flush()
    requests[0]!.resolve(jwt('ada'))
    await flush()
    setUser(client, grace)
    expect(client._tokens._fresh('ada')).toBeUndefined()
    expect(client._store.getSnapshot()).toMatchObject({ identity: 'signed-in', user: grace, expiresAt: null })
    expect(client._tabs!._tell).toHaveBeenCalledWith('grace')
    expect(widgent.mock.calls.map(([name]) => name)).toEqual([
      'reset',
      'setIdentityTokenFetcher',
      'setIdentityTokenFetcher',
    ])
    expect(widgent.mock.calls[2]![1]).toBe(client._fetcher)
  })

  it('a sign-out is anonymous at once, and the other tabs hear null', () => {
    const { client } = runningClient({ _tabs: tabs() })
    setUser(client, null)
    expect(client._store.getSnapshot()).toMatchObject({ identity: 'anonymous', user: null })
    expect(client._tabs!._tell).toHaveBeenCalledWith(null)
  })

  it('auth settling on page load is not a change: the other tabs hear nothing', () => {
    const { client } = runningClient({ _tabs: tabs(), _user: undefined })
    setUser(client, grace)
    expect(client._store.getSnapshot()).toMatchObject({ identity: 'signed-in', user: grace })
    expect(client._tabs!._tell).not.toHaveBeenCalled()
  })

  it("after an unmount, the same user's fresh token identifies them at once; another user's never", async () => {
    const { client, requests } = runningClient({ _user: null })
    setUser(client, grace)
    void requestToken(client)
    await flush()
    requests[0]!.resolve(jwt('grace'))
    await flush()
    destroyClient(client)
    setUser(client, grace)
    expect(client._store.getSnapshot()).toMatchObject({ identity: 'identified', user: grace })
    expect(client._store.getSnapshot().expiresAt).toBeGreaterThan(Date.now())
    // Held, not just shown: the widget's next call costs no request.
    expect(client._tokens._fresh('grace')).toBeDefined()
    destroyClient(client)
    setUser(client, { id: 'ada' })
    expect(client._store.getSnapshot()).toMatchObject({ identity: 'signed-in', expiresAt: null })
    expect(client._tokens._fresh('grace')).toBeUndefined()
  })

  it('a fetcher call waiting for auth answers for the settled user itself: the widget is not told again', () => {
    const widgent = readyWidget()
    const { client } = runningClient({ _user: undefined, _ready: true })
    void client._authWait._wait()
    setUser(client, grace)
    expect(widgent).not.toHaveBeenCalled()
  })

  it('a user without a string id is refused with a config error', () => {
    const { client } = runningClient()
    expect(() => setUser(client, { id: '' })).toThrow(expect.objectContaining({ code: 'config' }))
    expect(client._user).toEqual({ id: 'ada' })
  })
})
