// @vitest-environment node
import { describe, expect, it } from 'vitest'

describe('on the server (no window, no document)', () => {
  it('imports without touching the DOM, and the API does nothing that needs one', async () => {
    expect(typeof window).toBe('undefined')
    const { createWidgent, loadWidgent } = await import('../index')
    await expect(loadWidgent({ productId: 'p', serviceKey: 'k' })).resolves.toBeNull()

    const client = createWidgent({ productId: 'ssr', serviceKey: 'k', tokenEndpoint: '/api/widgent-token' })
    const unmount = client.mount()
    await expect(client.load()).resolves.toBeUndefined()
    client.setUser({ id: 'ada' })
    client.command('open')
    await expect(client.refresh()).resolves.toBeUndefined()
    expect(client.getSnapshot()).toMatchObject({ widget: 'idle', identity: 'signed-in', user: { id: 'ada' } })
    unmount()
    expect(client.getSnapshot()).toMatchObject({ widget: 'idle', identity: 'unknown' })
  })

  it("gives every render its own client, so one request never sees another request's user", async () => {
    const { createWidgent } = await import('../index')
    const options = { productId: 'shared', serviceKey: 'k' }
    const first = createWidgent(options)
    first.setUser({ id: 'ada' })
    const second = createWidgent(options)
    expect(second).not.toBe(first)
    expect(second.getSnapshot().user).toBeNull()
  })

  it('still refuses a verificationSecret', async () => {
    const { createWidgent } = await import('../index')
    expect(() => createWidgent({ productId: 'p', serviceKey: 'k', verificationSecret: 'x' } as never)).toThrow(/server/)
  })
})
