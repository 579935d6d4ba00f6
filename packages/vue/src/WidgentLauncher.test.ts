import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/vue'
import { afterEach, describe, expect, it } from 'vitest'
import { h } from 'vue'
import { WidgentLauncher, WidgentPlugin } from './index'
import { runScripts, setup } from '@widgent/test-utils'

afterEach(cleanup)

/** The plugin with `load: 'interaction'` and the facade; the widget script arrives only when `runScripts` plays it. */
function renderLauncher(props: Record<string, unknown> = {}, slots?: Record<string, () => unknown>) {
  const { widget, options } = setup({ ready: false, strict: true, load: 'interaction' as const })
  render(WidgentLauncher, { props, slots, global: { plugins: [[WidgentPlugin, options]] } })
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

  it('pointer over starts the load and shows progress; once ready, it renders nothing and the click opened the widget', async () => {
    const { widget } = renderLauncher()
    const button = screen.getByRole('button', { name: 'Open chat' })
    await fireEvent.pointerEnter(button)
    await waitFor(() => expect(button.getAttribute('aria-busy')).toBe('true'))
    await fireEvent.click(button)
    expect(runScripts(widget)).toBe(1)
    widget.fireReady()
    await waitFor(() => expect(screen.queryByRole('button')).toBeNull())
    expect(widget.commands.map(([name]) => name)).toEqual(['setIdentityTokenFetcher', 'open'])
  })

  it('shows your slot, label and place', () => {
    renderLauncher({ label: 'Ask us', side: 'left', offset: 12 }, { default: () => h('span', 'Help') })
    const button = screen.getByRole('button', { name: 'Ask us' })
    expect(button.textContent).toBe('Help')
    expect(button.style.left).toBe('12px')
  })
})
