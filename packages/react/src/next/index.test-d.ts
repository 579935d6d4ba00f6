import type { WidgentClient, WidgentOptions, WidgentState, WidgentUser } from '@widgent/core'
import type { ReactNode } from 'react'
import { expectTypeOf, it } from 'vitest'
import {
  configureWidgent,
  useWidgent,
  useWidgentIdentity,
  WidgentLauncher,
  WidgentProvider,
  type WidgentCallbacks,
  type WidgentProviderProps,
} from './index'

it('WidgentProvider needs no prop: the ids come from NEXT_PUBLIC_WIDGENT_*', () => {
  expectTypeOf<{}>().toExtend<WidgentProviderProps>()
  expectTypeOf<WidgentProviderProps>().toExtend<Partial<WidgentOptions>>()
  expectTypeOf<{ productId: 'p'; load: 'idle' }>().toExtend<WidgentProviderProps>()
  expectTypeOf<{ load: 'lazy' }>().not.toExtend<WidgentProviderProps>()
  expectTypeOf<WidgentProviderProps>().toHaveProperty('children').toEqualTypeOf<ReactNode | undefined>()
})

it('its user prop is the server session user: a user, null, or left out', () => {
  expectTypeOf<WidgentProviderProps['user']>().toEqualTypeOf<WidgentUser | null | undefined>()
  expectTypeOf<{ user: { name: string } }>().not.toExtend<WidgentProviderProps>()
})

it('configureWidgent takes the two function options, typed as the core types them', () => {
  expectTypeOf(configureWidgent).parameters.toEqualTypeOf<[WidgentCallbacks]>()
  expectTypeOf<WidgentCallbacks>().toEqualTypeOf<Pick<WidgentOptions, 'onError' | 'fetchToken'>>()
  expectTypeOf<{ load: 'idle' }>().not.toExtend<WidgentCallbacks>()
})

it('re-exports the hooks and the launcher facade, so an app imports from one place', () => {
  expectTypeOf(WidgentLauncher).toEqualTypeOf<typeof import('@widgent/react').WidgentLauncher>()
  expectTypeOf(useWidgent).returns.toEqualTypeOf<{ client: WidgentClient; state: WidgentState }>()
  expectTypeOf(useWidgentIdentity).parameters.toEqualTypeOf<[WidgentUser | null | undefined]>()
  expectTypeOf(WidgentProvider).parameter(0).toEqualTypeOf<WidgentProviderProps>()
})
