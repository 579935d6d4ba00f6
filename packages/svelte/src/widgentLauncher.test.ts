import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/svelte'
import { afterEach, describe, expect, it } from 'vitest'
import Launcher from './fixtures/Launcher.svelte'
import { createWidgent } from './index'
import { runScripts, setup } from '@widgent/test-utils'

afterEach(cleanup)

/** The facade on a button, with `load: 'interaction'`; the widget script arrives only when `runScripts` plays it. */
function renderLauncher(props: { label?: string; text?: string } = {}) {
  const { widget, options } = setup({ ready: false, strict: true, load: 'interaction' as const })
  const widgent = createWidgent(options)
  const { unmount } = render(Launcher, { widgent, ...props })
  return { widget, widgent, unmount }
}

describe('widgentLauncher', () => {
  it('makes the button a named facade with the kit icon, and loads nothing until intent', () => {
    renderLauncher()
    const button = screen.getByRole('button', { name: 'Open chat' })
    expect(button.querySelector('svg')).not.toBeNull()
    expect(button.style.position).toBe('fixed')
    expect(document.querySelectorAll('script')).toHaveLength(0)
  })

  it('focus starts the load; a click opens the widget once ready, and the facade hides', async () => {
    const { widget } = renderLauncher()
    const button = screen.getByRole('button', { name: 'Open chat' })
    await fireEvent.focus(button)
    expect(button.getAttribute('aria-busy')).toBe('true')
    await fireEvent.click(button)
    expect(runScripts(widget)).toBe(1)
    widget.fireReady()
    await waitFor(() => expect(button.style.display).toBe('none'))
    expect(widget.commands.map(([name]) => name)).toEqual(['setIdentityTokenFetcher', 'open'])
  })

  it('keeps your content and label; destroying the component releases the client', async () => {
    const { widget, widgent, unmount } = renderLauncher({ label: 'Ask us', text: 'Help' })
    // The core's loader is page-wide and loaded the widget in the test before: this page has one, as a real page would.
    widget.install()
    const button = screen.getByRole('button', { name: 'Ask us' })
    expect(button.textContent).toBe('Help')
    await fireEvent.click(button)
    expect(widgent.client.getSnapshot().widget).not.toBe('idle')
    unmount()
    expect(widgent.client.getSnapshot().widget).toBe('idle')
  })
})
