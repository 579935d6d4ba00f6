import { flush, installFakeWidget, jwt } from '@widgent/test-utils'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { setupClient } from './setupClient'

afterEach(() => {
  vi.useRealTimers()
  Reflect.deleteProperty(navigator, 'connection')
})

/** A client with `load: 'interaction'`, mounted, with no widget on the page yet, and the plain-page facade. */
async function setupLauncher(options: Parameters<typeof import('../launcher').mountLauncher>[1] = {}) {
  const setup = await setupClient({ widget: null, load: 'interaction', mount: true })
  const { mountLauncher } = await import('../launcher')
  const unmount = mountLauncher(setup.client, options)
  const button = document.querySelector('button')!
  /** The script the kit added arrives and gets ready (lenient: false, as the vendor page promises no more). */
  const arrive = async () => {
    const widget = installFakeWidget({ ready: false, strict: true })
    document.querySelector('script')!.dispatchEvent(new Event('load'))
    widget.fireReady()
    await flush()
    return widget
  }
  return { ...setup, button, unmount, arrive }
}

const scripts = () => document.querySelectorAll('script').length

describe('mountLauncher: the plain-page facade', () => {
  it('is a real button with an accessible name where the launcher will be, and loads nothing by itself', async () => {
    const { button } = await setupLauncher()
    expect(button.type).toBe('button')
    expect(button.getAttribute('aria-label')).toBe('Open chat')
    expect(button.getAttribute('aria-busy')).toBe('false')
    expect(button.style).toMatchObject({
      position: 'fixed',
      right: '20px',
      bottom: '20px',
      width: '56px',
      height: '56px',
    })
    expect(button.querySelector('svg')?.getAttribute('aria-hidden')).toBe('true')
    await flush()
    expect(scripts()).toBe(0)
  })

  it.each(['pointerenter', 'focus'])('%s starts the load and shows progress', async (event) => {
    const { button } = await setupLauncher()
    button.dispatchEvent(new Event(event))
    expect(scripts()).toBe(1)
    expect(button.getAttribute('aria-busy')).toBe('true')
    expect(button.getAttribute('aria-label')).toBe('Loading chat…')
  })

  it('a click loads, asks for the token beside the script, and opens the widget identified once ready; then it goes away', async () => {
    const { button, client, requests, arrive } = await setupLauncher()
    client.setUser({ id: 'ada' })
    button.click()
    expect(requests).toHaveLength(1) // before the script has even arrived
    requests[0]!.resolve(jwt('ada'))
    const widget = await arrive()
    await widget.waitForToken(jwt('ada'))
    expect(widget.commands.map(([name]) => name)).toEqual(['setIdentityTokenFetcher', 'open'])
    expect(widget.dropped).toEqual([])
    expect(button.style.display).toBe('none')
  })

  it.each([
    { command: 'show', sent: ['setIdentityTokenFetcher', 'show'] },
    { command: null, sent: ['setIdentityTokenFetcher'] },
  ])('a click sends the command the options name ($command)', async ({ command, sent }) => {
    const { button, arrive } = await setupLauncher({ command })
    button.click()
    expect((await arrive()).commands.map(([name]) => name)).toEqual(sent)
  })

  it('hover does not load while the browser asks to save data; a click does', async () => {
    Object.defineProperty(navigator, 'connection', { value: { saveData: true }, configurable: true })
    const { button } = await setupLauncher()
    button.dispatchEvent(new Event('pointerenter'))
    button.dispatchEvent(new Event('focus'))
    expect(scripts()).toBe(0)
    button.click()
    expect(scripts()).toBe(1)
  })

  it('after a failed load it stays a working button that says so, and a click tries again', async () => {
    vi.useFakeTimers()
    const { button, arrive } = await setupLauncher()
    button.click()
    for (let attempt = 0; attempt < 3; attempt++) {
      document.querySelector('script')!.dispatchEvent(new Event('error'))
      await vi.advanceTimersByTimeAsync(5_000)
    }
    expect(button.style.display).toBe('flex')
    expect(button.getAttribute('aria-label')).toBe('Chat failed to load. Try again')
    expect(button.getAttribute('aria-busy')).toBe('false')
    // Passing over or focusing the failed button does not try again; only the click the label asks for does.
    button.dispatchEvent(new Event('pointerenter'))
    button.dispatchEvent(new Event('focus'))
    expect(button.getAttribute('aria-busy')).toBe('false')
    button.click()
    expect(button.getAttribute('aria-busy')).toBe('true')
    const widget = await arrive()
    // Two clicks, one open: the first click's command waited through the failed load.
    expect(widget.commands.filter(([name]) => name == 'open')).toEqual([['open']])
    expect(button.style.display).toBe('none')
  })

  it('keeps the content of a button the page gives it, and leaves that button in place on unmount', async () => {
    const { client } = await setupClient({ widget: null, load: 'interaction', mount: true })
    const { mountLauncher } = await import('../launcher')
    const button = document.body.appendChild(document.createElement('button'))
    button.textContent = 'Chat with us'
    const unmount = mountLauncher(
      client,
      { label: 'Chat with support', side: 'left', offset: 24, size: 64, color: 'rebeccapurple' },
      button,
    )
    expect(button.textContent).toBe('Chat with us')
    expect(button.getAttribute('aria-label')).toBe('Chat with support')
    expect(button.style).toMatchObject({ left: '24px', bottom: '24px', width: '64px', background: 'rebeccapurple' })
    unmount()
    button.click()
    await flush()
    expect(scripts()).toBe(0)
    expect(button.isConnected).toBe(true)
  })

  it('unmount removes its own button and stops following the client', async () => {
    const { unmount, button } = await setupLauncher()
    unmount()
    expect(button.isConnected).toBe(false)
  })
})
