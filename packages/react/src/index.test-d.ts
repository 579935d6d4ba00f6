import type { WidgentClient, WidgentOptions, WidgentState, WidgentUser } from '@widgent/core'
import type { ReactNode } from 'react'
import { expectTypeOf, it } from 'vitest'
import {
  WidgentProvider,
  useWidgent,
  useWidgentIdentity,
  type WidgentLauncherProps,
  type WidgentProviderProps,
} from './index'

it('WidgentProvider takes the core options as props, and children', () => {
  expectTypeOf(WidgentProvider).parameter(0).toEqualTypeOf<WidgentProviderProps>()
  expectTypeOf<WidgentProviderProps>().toExtend<WidgentOptions>()
  expectTypeOf<WidgentProviderProps>().toHaveProperty('children').toEqualTypeOf<ReactNode | undefined>()
  expectTypeOf<{ productId: 'p'; serviceKey: 'k'; load: 'idle' }>().toExtend<WidgentProviderProps>()
  expectTypeOf<{ productId: 'p' }>().not.toExtend<WidgentProviderProps>()
  expectTypeOf<{ productId: 'p'; serviceKey: 'k'; load: 'lazy' }>().not.toExtend<WidgentProviderProps>()
})

it('useWidgent returns the client and its state', () => {
  expectTypeOf(useWidgent).parameters.toEqualTypeOf<[]>()
  expectTypeOf(useWidgent).returns.toEqualTypeOf<{ client: WidgentClient; state: WidgentState }>()
})

it('useWidgentIdentity takes a user, null (signed out) or undefined (auth loading) and returns the state', () => {
  expectTypeOf(useWidgentIdentity).parameters.toEqualTypeOf<[WidgentUser | null | undefined]>()
  expectTypeOf(useWidgentIdentity).returns.toEqualTypeOf<WidgentState>()
  expectTypeOf(useWidgentIdentity).parameter(0).not.toExtend<{ name: string }>()
})

it('WidgentLauncher takes the launcher options, a look of your own and a class', () => {
  expectTypeOf<{
    label: 'Chat'
    side: 'left'
    command: null
    children: ReactNode
    className: 'c'
  }>().toExtend<WidgentLauncherProps>()
  expectTypeOf<{ side: 'top' }>().not.toExtend<WidgentLauncherProps>()
  expectTypeOf<{ size: '56px' }>().not.toExtend<WidgentLauncherProps>()
})
