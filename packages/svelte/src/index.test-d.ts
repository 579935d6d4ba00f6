import type { WidgentClient, WidgentOptions, WidgentState, WidgentUser } from '@widgent/core'
import type { Readable } from 'svelte/store'
import { expectTypeOf, it } from 'vitest'
import type { Action } from 'svelte/action'
import {
  createWidgent,
  getWidgentContext,
  setWidgentContext,
  widgentLauncher,
  type Widgent,
  type WidgentLauncherParams,
} from './index'
import { fromWidgent } from './runes'

it('createWidgent takes the core options and returns { state, client, bindIdentity }', () => {
  expectTypeOf(createWidgent).parameters.toEqualTypeOf<[WidgentOptions]>()
  expectTypeOf(createWidgent).returns.toEqualTypeOf<Widgent>()
  expectTypeOf<Widgent['state']>().toEqualTypeOf<Readable<WidgentState>>()
  expectTypeOf<Widgent['client']>().toEqualTypeOf<WidgentClient>()
})

it('bindIdentity takes any store of a user, null or undefined, and returns the unbind', () => {
  expectTypeOf<Widgent['bindIdentity']>().parameters.toEqualTypeOf<[Readable<WidgentUser | null | undefined>]>()
  expectTypeOf<Widgent['bindIdentity']>().returns.toEqualTypeOf<() => void>()
  expectTypeOf<Readable<WidgentUser>>().toExtend<Parameters<Widgent['bindIdentity']>[0]>()
  expectTypeOf<Readable<{ name: string }>>().not.toExtend<Parameters<Widgent['bindIdentity']>[0]>()
})

it('the context helpers share a Widgent', () => {
  expectTypeOf(setWidgentContext).parameters.toEqualTypeOf<[Widgent]>()
  expectTypeOf(getWidgentContext).returns.toEqualTypeOf<Widgent>()
})

it('fromWidgent gives a readonly current state', () => {
  expectTypeOf(fromWidgent).parameters.toEqualTypeOf<[Widgent]>()
  expectTypeOf(fromWidgent).returns.toEqualTypeOf<{ readonly current: WidgentState }>()
})

it('widgentLauncher is an action for a button, given the Widgent and the launcher options', () => {
  expectTypeOf(widgentLauncher).toExtend<Action<HTMLButtonElement, WidgentLauncherParams>>()
  expectTypeOf<{ widgent: Widgent; label: 'Chat'; side: 'left' }>().toExtend<WidgentLauncherParams>()
  expectTypeOf<{ label: 'Chat' }>().not.toExtend<WidgentLauncherParams>()
})
