// @vitest-environment node
import { describe, expect, it, vi } from 'vitest'
import { createHeldCommands } from '../heldCommands'

describe('createHeldCommands', () => {
  it('releases the commands it holds in the order they came', () => {
    const held = createHeldCommands()
    held._hold(['open'])
    held._hold(['track', 'signup', { plan: 'pro' }])
    held._hold(['close'])
    const send = vi.fn()
    held._release(send)
    expect(send.mock.calls).toEqual([['open'], ['track', 'signup', { plan: 'pro' }], ['close']])
  })

  it('holds the same name with the same arguments once (a double click), keeping its first place', () => {
    const held = createHeldCommands()
    held._hold(['open'])
    held._hold(['track', 'signup'])
    held._hold(['open'])
    held._hold(['track', 'signup'])
    const send = vi.fn()
    held._release(send)
    expect(send.mock.calls).toEqual([['open'], ['track', 'signup']])
  })

  it('holds each command whose name or arguments differ', () => {
    const held = createHeldCommands()
    for (const command of [
      ['track', 'signup'],
      ['track', 'login'],
      ['track'],
      ['track', 'signup', 2],
      ['open', 'signup'],
    ] as const) {
      held._hold([...command])
    }
    const send = vi.fn()
    held._release(send)
    expect(send.mock.calls).toEqual([
      ['track', 'signup'],
      ['track', 'login'],
      ['track'],
      ['track', 'signup', 2],
      ['open', 'signup'],
    ])
  })

  it('keeps none once released: a second release sends nothing, and the same command may be held again', () => {
    const held = createHeldCommands()
    held._hold(['open'])
    held._release(vi.fn())
    const send = vi.fn()
    held._release(send)
    expect(send).not.toHaveBeenCalled()
    held._hold(['open'])
    held._release(send)
    expect(send.mock.calls).toEqual([['open']])
  })

  it('keeps none once cleared (the client is destroyed)', () => {
    const held = createHeldCommands()
    held._hold(['open'])
    held._clear()
    const send = vi.fn()
    held._release(send)
    expect(send).not.toHaveBeenCalled()
  })
})
