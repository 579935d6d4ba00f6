import { ApplicationRef, createEnvironmentInjector, EnvironmentInjector, inject, InjectionToken } from '@angular/core'
import { TestBed } from '@angular/core/testing'
import { createWidgent, type WidgentOptions } from '@widgent/core'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { injectWidgent, provideWidgent } from '@widgent/angular'
import { countSubscriptions, countWindowListeners, runScripts, setup } from '@widgent/test-utils'

// Its own file: the core's page-wide loader state is fresh, so the script load really listens on window.
afterEach(() => vi.restoreAllMocks())

const initial = { widget: 'idle', identity: 'unknown', user: null, expiresAt: null, error: null, retryAt: null }

describe('provideWidgent', () => {
  it('starts the client as the app starts; injectors share it, and the last one destroyed destroys it', async () => {
    const windowListeners = countWindowListeners()
    const { widget, options } = setup({ ready: false })
    const client = createWidgent(options)
    const subscriptions = countSubscriptions(client)
    TestBed.configureTestingModule({ providers: [provideWidgent(options)] })
    // Nobody injected the client: the app's start alone loads the widget.
    TestBed.inject(ApplicationRef)
    expect(runScripts(widget)).toBe(1)
    expect(widget.inits).toHaveLength(1)
    expect(windowListeners()).toBeGreaterThan(0) // the loader waits for widgent:ready
    widget.fireReady()
    const { state } = TestBed.runInInjectionContext(() => injectWidgent())
    await vi.waitFor(() => expect(state().widget).toBe('ready'))

    // A second injector with the same product (a lazy route's, say) shares the client; gone, the client runs on.
    const lazy = createEnvironmentInjector([provideWidgent(options)], TestBed.inject(EnvironmentInjector))
    const inLazy = injectWidgent({ injector: lazy })
    expect(inLazy.client).toBe(client)
    expect(subscriptions()).toBe(2) // one per injector, however many components read it
    lazy.destroy()
    expect(subscriptions()).toBe(1)
    expect(client.getSnapshot().widget).toBe('ready')
    client.setUser(null)
    expect(state().identity).toBe('anonymous')
    expect(inLazy.state().identity).toBe('unknown') // its subscription went with its injector

    TestBed.resetTestingModule() // destroys the app's injector: the last one
    expect(subscriptions()).toBe(0)
    expect(windowListeners()).toBe(0)
    expect(client.getSnapshot()).toEqual(initial)
    // A destroyed client tells the widget nothing about anyone.
    expect(await widget.ask()).toBe('')
  })

  it('runs a factory once per injector, in its injection context', () => {
    const { options } = setup()
    const CONFIG = new InjectionToken<WidgentOptions>('config')
    const factory = vi.fn(() => ({ ...inject(CONFIG), load: 'manual' as const }))
    TestBed.configureTestingModule({ providers: [{ provide: CONFIG, useValue: options }, provideWidgent(factory)] })
    const first = TestBed.runInInjectionContext(() => injectWidgent())
    const again = TestBed.runInInjectionContext(() => injectWidgent())
    expect(factory).toHaveBeenCalledTimes(1)
    expect(again).toBe(first)
    expect(first.client).toBe(createWidgent(options))
    expect(first.client.getSnapshot().widget).toBe('idle') // load: 'manual', from the factory
  })

  it('refuses a verificationSecret as the app starts', () => {
    const { options } = setup()
    const secret = { ...options, verificationSecret: 'shh' } as WidgentOptions
    TestBed.configureTestingModule({ providers: [provideWidgent(secret)] })
    expect(() => TestBed.inject(ApplicationRef)).toThrow(/verificationSecret belongs on your server/)
  })
})

describe('injectWidgent', () => {
  it('returns the client and a read-only signal of its state', async () => {
    const { widget, options } = setup()
    TestBed.configureTestingModule({ providers: [provideWidgent(options)] })
    const { client, state } = TestBed.runInInjectionContext(() => injectWidgent())
    expect(client).toBe(createWidgent(options))
    await vi.waitFor(() => expect(state().widget).toBe('ready'))
    client.command('open')
    expect(widget.commands.at(-1)).toEqual(['open'])
    expect('set' in state).toBe(false)
  })

  it('throws a config error naming provideWidgent when there is none, and asks for an injection context', () => {
    expect(() => TestBed.runInInjectionContext(() => injectWidgent())).toThrow(
      expect.objectContaining({ name: 'WidgentError', code: 'config' }),
    )
    expect(() => TestBed.runInInjectionContext(() => injectWidgent())).toThrow(/needs provideWidgent\(options\)/)
    expect(() => injectWidgent({ injector: TestBed.inject(EnvironmentInjector) })).toThrow(
      /needs provideWidgent\(options\)/,
    )
    expect(() => injectWidgent()).toThrow(/injectWidgent\(\) can only be used within an injection context/)
  })
})
