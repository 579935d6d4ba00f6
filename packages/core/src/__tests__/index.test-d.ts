import { describe, expectTypeOf, it } from 'vitest'
import { createWidgent, loadWidgent, WidgentError } from '../index'
import type {
  WidgentClient,
  WidgentErrorCode,
  WidgentGlobal,
  WidgentOptions,
  WidgentState,
  WidgentUser,
} from '../index'

describe('public types', () => {
  it('createWidgent takes options and returns a client', () => {
    expectTypeOf(createWidgent).parameter(0).toEqualTypeOf<WidgentOptions>()
    expectTypeOf(createWidgent).returns.toEqualTypeOf<WidgentClient>()
    expectTypeOf(loadWidgent).returns.toEqualTypeOf<Promise<WidgentGlobal | null>>()
  })

  it('setUser takes a user, null (signed out) or undefined (loading)', () => {
    expectTypeOf<WidgentClient['setUser']>().parameter(0).toEqualTypeOf<WidgentUser | null | undefined>()
    expectTypeOf<WidgentUser['metadata']>().toEqualTypeOf<Record<string, string | number | boolean> | undefined>()
  })

  it('the store meets the Svelte store contract and useSyncExternalStore', () => {
    expectTypeOf<WidgentClient['subscribe']>().toEqualTypeOf<(listener: (state: WidgentState) => void) => () => void>()
    expectTypeOf<WidgentClient['getSnapshot']>().returns.toEqualTypeOf<WidgentState>()
    expectTypeOf<WidgentClient['mount']>().returns.toEqualTypeOf<() => void>()
  })

  it('state and errors are typed unions', () => {
    expectTypeOf<WidgentState['widget']>().toEqualTypeOf<'idle' | 'loading' | 'ready' | 'error'>()
    expectTypeOf<WidgentState['identity']>().toEqualTypeOf<
      'unknown' | 'anonymous' | 'signed-in' | 'fetching' | 'identified' | 'error'
    >()
    expectTypeOf<WidgentState['error']>().toEqualTypeOf<WidgentError | null>()
    expectTypeOf<WidgentError['code']>().toEqualTypeOf<WidgentErrorCode>()
    expectTypeOf<'timeout'>().toExtend<WidgentErrorCode>()
  })

  it('fetchToken receives the user and an AbortSignal', () => {
    expectTypeOf<NonNullable<WidgentOptions['fetchToken']>>().parameters.toEqualTypeOf<
      [WidgentUser, { signal: AbortSignal }]
    >()
    // @ts-expect-error verificationSecret is not a browser option
    createWidgent({ productId: 'p', serviceKey: 'k', verificationSecret: 's' })
  })
})
