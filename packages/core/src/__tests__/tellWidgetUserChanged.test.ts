// @vitest-environment node
import { describe, expect, it } from 'vitest'
import type { Command } from '../heldCommands'
import { tellWidgetUserChanged } from '../tellWidgetUserChanged'
import type { WidgentUser } from '../types'

const ada = { id: 'ada' }
const grace = { id: 'grace' }

/** What the widget is told, in order: each command sent, and 'register' where the fetcher is registered again. */
function tell(previous: WidgentUser | null | undefined, next: WidgentUser | null, resetCommand?: string) {
  const told: Array<Command | 'register'> = []
  tellWidgetUserChanged(
    (...command) => told.push(command),
    () => told.push('register'),
    previous,
    next,
    resetCommand,
  )
  return told
}

describe('tellWidgetUserChanged', () => {
  it.each([
    ['as auth first settles', undefined],
    ['after a sign-out', null],
  ])('a first sign-in (%s) only registers the fetcher again: there is nobody to reset', (_, previous) => {
    expect(tell(previous, ada, 'reset')).toEqual(['register'])
  })

  it('a sign-out sends the reset command, then registers the fetcher again (which answers anonymous)', () => {
    expect(tell(ada, null, 'reset')).toEqual([['reset'], 'register'])
  })

  it('a switch sends the reset command, an anonymous answer at once, then registers the fetcher again', async () => {
    const told = tell(ada, grace, 'reset')
    expect(told).toEqual([['reset'], ['setIdentityTokenFetcher', expect.any(Function)], 'register'])
    const anonymous = (told[1] as Command)[1] as () => Promise<string>
    await expect(anonymous()).resolves.toBe('')
  })

  it('without a resetCommand, nothing is reset: a switch still answers anonymous at once', () => {
    expect(tell(ada, grace).map((step) => (step == 'register' ? step : step[0]))).toEqual([
      'setIdentityTokenFetcher',
      'register',
    ])
    expect(tell(ada, null)).toEqual(['register'])
  })
})
