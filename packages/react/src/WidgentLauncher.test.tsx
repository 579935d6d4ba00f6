import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import { WidgentLauncher, WidgentProvider } from './index'
import { runScripts, setup } from '@widgent/test-utils'

afterEach(cleanup)

/** A provider with `load: 'interaction'` and the facade; the widget script arrives only when `runScripts` plays it. */
function renderLauncher(props: Parameters<typeof WidgentLauncher>[0] = {}) {
  const { widget, options } = setup({ ready: false, strict: true, load: 'interaction' as const })
  render(
    <WidgentProvider {...options}>
      <WidgentLauncher {...props} />
    </WidgentProvider>,
  )
  return { widget }
}

describe('WidgentLauncher', () => {
  it('renders a named button and loads nothing until intent', () => {
    renderLauncher()
    const button = screen.getByRole('button', { name: 'Open chat' })
    expect(button.getAttribute('type')).toBe('button')
    expect(button.style.position).toBe('fixed')
    expect(document.querySelectorAll('script')).toHaveLength(0)
  })

  it('focus starts the load and shows progress; once ready, it renders nothing and the click opened the widget', async () => {
    const { widget } = renderLauncher()
    const button = screen.getByRole('button', { name: 'Open chat' })
    fireEvent.focus(button)
    await waitFor(() => expect(button.getAttribute('aria-busy')).toBe('true'))
    expect(button.getAttribute('aria-label')).toBe('Loading chat…')
    fireEvent.click(button)
    expect(runScripts(widget)).toBe(1)
    widget.fireReady()
    await waitFor(() => expect(screen.queryByRole('button')).toBeNull())
    expect(widget.commands.map(([name]) => name)).toEqual(['setIdentityTokenFetcher', 'open'])
  })

  it('shows your children, label and place', () => {
    renderLauncher({ label: 'Ask us', side: 'left', offset: 12, children: <span>Help</span> })
    const button = screen.getByRole('button', { name: 'Ask us' })
    expect(button.textContent).toBe('Help')
    expect(button.style.left).toBe('12px')
  })
})
