import type { EnvironmentProviders, Injector, InputSignal, Signal } from '@angular/core'
import type { WidgentClient, WidgentOptions, WidgentState, WidgentUser } from '@widgent/core'
import type { Observable } from 'rxjs'
import { expectTypeOf, it } from 'vitest'
import { injectWidgent, injectWidgentIdentity, provideWidgent, WidgentLauncher, type InjectedWidgent } from './index'

it('provideWidgent takes the core options, or a factory of them, and gives environment providers', () => {
  expectTypeOf(provideWidgent).parameters.toEqualTypeOf<[WidgentOptions | (() => WidgentOptions)]>()
  expectTypeOf(provideWidgent).returns.toEqualTypeOf<EnvironmentProviders>()
  provideWidgent({ productId: 'p', serviceKey: 'k', tokenEndpoint: '/api/widgent-token', load: 'interaction' })
  provideWidgent(() => ({ productId: 'p', serviceKey: 'k' }))
  // @ts-expect-error serviceKey is required
  provideWidgent({ productId: 'p' })
  // @ts-expect-error no such load
  provideWidgent({ productId: 'p', serviceKey: 'k', load: 'lazy' })
})

it('injectWidgent returns the client and a read-only signal of the state; it takes an injector', () => {
  expectTypeOf(injectWidgent).parameters.toEqualTypeOf<[{ injector?: Injector }?]>()
  expectTypeOf(injectWidgent).returns.toEqualTypeOf<InjectedWidgent>()
  expectTypeOf<InjectedWidgent>().toEqualTypeOf<{ client: WidgentClient; state: Signal<WidgentState> }>()
  expectTypeOf<InjectedWidgent['state']>().not.toHaveProperty('set')
})

it('injectWidgentIdentity takes a signal or an observable of a user, null or undefined', () => {
  expectTypeOf(injectWidgentIdentity).returns.toEqualTypeOf<Signal<WidgentState>>()
  expectTypeOf(injectWidgentIdentity).parameter(1).toEqualTypeOf<{ injector?: Injector } | undefined>()
  type Source = Parameters<typeof injectWidgentIdentity>[0]
  expectTypeOf<Signal<WidgentUser | null | undefined>>().toExtend<Source>()
  expectTypeOf<Signal<WidgentUser>>().toExtend<Source>()
  expectTypeOf<Observable<WidgentUser | null | undefined>>().toExtend<Source>()
  expectTypeOf<Observable<{ id: string; name: string } | null>>().toExtend<Source>()
  expectTypeOf<Signal<{ name: string }>>().not.toExtend<Source>()
  expectTypeOf<Observable<{ id: number }>>().not.toExtend<Source>()
  expectTypeOf<WidgentUser>().not.toExtend<Source>()
})

it('WidgentLauncher takes the launcher options as inputs', () => {
  expectTypeOf<WidgentLauncher['label']>().toEqualTypeOf<InputSignal<string | undefined>>()
  expectTypeOf<WidgentLauncher['command']>().toEqualTypeOf<InputSignal<string | null | undefined>>()
  expectTypeOf<WidgentLauncher['side']>().toEqualTypeOf<InputSignal<'left' | 'right' | undefined>>()
  expectTypeOf<WidgentLauncher['offset']>().toEqualTypeOf<InputSignal<number | undefined>>()
})
