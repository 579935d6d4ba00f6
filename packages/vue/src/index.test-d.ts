import type { WidgentClient, WidgentOptions, WidgentState, WidgentUser } from '@widgent/core'
import { expectTypeOf, it } from 'vitest'
import { createApp, type InjectionKey, type MaybeRefOrGetter, type Ref } from 'vue'
import { WidgentKey, WidgentPlugin, useWidgent, useWidgentIdentity } from './index'

it('app.use(WidgentPlugin, options) takes the core options', () => {
  expectTypeOf(WidgentPlugin.install).parameter(1).toEqualTypeOf<WidgentOptions>()
  createApp({}).use(WidgentPlugin, { productId: 'p', serviceKey: 'k', tokenEndpoint: '/api/widgent-token' })
  // @ts-expect-error the options are required
  createApp({}).use(WidgentPlugin)
  // @ts-expect-error serviceKey is required
  createApp({}).use(WidgentPlugin, { productId: 'p' })
})

it('WidgentKey is a typed injection key', () => {
  expectTypeOf(WidgentKey).toEqualTypeOf<InjectionKey<WidgentClient>>()
})

it('useWidgent returns the client and a readonly ref of the state', () => {
  expectTypeOf(useWidgent).parameters.toEqualTypeOf<[]>()
  expectTypeOf(useWidgent).returns.toEqualTypeOf<{ client: WidgentClient; state: Readonly<Ref<WidgentState>> }>()
})

it('useWidgentIdentity takes a ref, a getter or a value of a user, null or undefined', () => {
  expectTypeOf(useWidgentIdentity).parameters.toEqualTypeOf<[MaybeRefOrGetter<WidgentUser | null | undefined>]>()
  expectTypeOf(useWidgentIdentity).returns.toEqualTypeOf<Readonly<Ref<WidgentState>>>()
  expectTypeOf(useWidgentIdentity).parameter(0).not.toExtend<{ name: string }>()
  expectTypeOf<Ref<WidgentUser | undefined>>().toExtend<Parameters<typeof useWidgentIdentity>[0]>()
  expectTypeOf<() => WidgentUser | null>().toExtend<Parameters<typeof useWidgentIdentity>[0]>()
})
