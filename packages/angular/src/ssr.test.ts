// @vitest-environment node
import { Component, provideZonelessChangeDetection, signal } from '@angular/core'
import { bootstrapApplication, type BootstrapContext } from '@angular/platform-browser'
import { provideServerRendering, renderApplication } from '@angular/platform-server'
import type { WidgentClient } from '@widgent/core'
import { BehaviorSubject } from 'rxjs'
import { expect, it, vi } from 'vitest'
import { injectWidgent, injectWidgentIdentity, provideWidgent, WidgentLauncher } from '@widgent/angular'

const clients: WidgentClient[] = []

@Component({
  selector: 'app-root',
  imports: [WidgentLauncher],
  template:
    '<p>{{ state().widget }} {{ state().identity }} {{ fromObservable().user?.id ?? "-" }}</p><widgent-launcher label="Chat" />',
})
class App {
  protected readonly state = injectWidgentIdentity(signal({ id: 'ada' }))
  protected readonly fromObservable = injectWidgentIdentity(new BehaviorSubject({ id: 'ada' }))
  constructor() {
    clients.push(injectWidgent().client)
  }
}

it('renders on the server without a window, a script or a token request, with a client per request', async () => {
  expect(typeof window).toBe('undefined')
  const fetchToken = vi.fn(async () => 'token')
  const factory = vi.fn(() => ({ productId: 'ssr', serviceKey: 'key', fetchToken, load: 'interaction' as const }))
  const render = () =>
    renderApplication(
      (context: BootstrapContext) =>
        bootstrapApplication(
          App,
          { providers: [provideZonelessChangeDetection(), provideServerRendering(), provideWidgent(factory)] },
          context,
        ),
      {
        document: '<html><head></head><body><app-root></app-root></body></html>',
        url: 'http://127.0.0.1/',
        allowedHosts: ['127.0.0.1'],
      },
    )
  const first = await render()
  expect(first).toContain('<p>idle unknown -</p>')
  // The facade, placed and named by the server's HTML: it is on screen before the app has hydrated.
  const button = first.match(/<button type="button" style="([^"]*)" title="Chat" aria-label="Chat" aria-busy="false">/)
  expect(button).not.toBeNull()
  for (const rule of [
    'position: fixed',
    'right: 20px',
    'bottom: 20px',
    'width: 56px',
    'height: 56px',
    'z-index: 2147483000',
  ])
    expect(button![1]).toContain(rule)
  expect(first).not.toContain('<script')
  expect(await render()).toContain('<p>idle unknown -</p>')
  // Each request made a client of its own, which never started and never learnt who is signed in.
  expect(factory).toHaveBeenCalledTimes(2)
  expect(clients).toHaveLength(2)
  expect(clients[0]).not.toBe(clients[1])
  for (const client of clients)
    expect(client.getSnapshot()).toMatchObject({ widget: 'idle', identity: 'unknown', user: null })
  expect(fetchToken).not.toHaveBeenCalled()
})
