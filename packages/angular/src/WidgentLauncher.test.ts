import { Component } from '@angular/core'
import { TestBed } from '@angular/core/testing'
import { describe, expect, it, vi } from 'vitest'
import { provideWidgent, WidgentLauncher } from '@widgent/angular'
import { runScripts, setup } from '@widgent/test-utils'

@Component({ selector: 'default-launcher', imports: [WidgentLauncher], template: '<widgent-launcher />' })
class Default {}

@Component({
  selector: 'custom-launcher',
  imports: [WidgentLauncher],
  template: '<widgent-launcher label="Ask us" side="left" [offset]="12"><span>Help</span></widgent-launcher>',
})
class Custom {}

/** `provideWidgent` with `load: 'interaction'` and the facade; the widget script arrives only when `runScripts` plays it. */
async function renderLauncher(host: typeof Default | typeof Custom = Default) {
  const { widget, options } = setup({ ready: false, strict: true, load: 'interaction' as const })
  TestBed.configureTestingModule({ providers: [provideWidgent(options)] })
  const fixture = TestBed.createComponent(host)
  await fixture.whenStable()
  const button = () => (fixture.nativeElement as HTMLElement).querySelector('button')
  return { widget, fixture, button }
}

describe('WidgentLauncher', () => {
  it('renders a named button and loads nothing until intent', async () => {
    const { button } = await renderLauncher()
    expect(button()!.getAttribute('aria-label')).toBe('Open chat')
    expect(button()!.getAttribute('title')).toBe('Open chat')
    expect(button()!.getAttribute('type')).toBe('button')
    expect(button()!.getAttribute('aria-busy')).toBe('false')
    expect(button()!.style.position).toBe('fixed')
    expect(button()!.style.right).toBe('20px')
    expect(button()!.querySelector('svg path')!.getAttribute('d')).toMatch(/^M4 4h16/)
    expect(document.querySelectorAll('script')).toHaveLength(0)
  })

  it('pointer over starts the load too', async () => {
    const { fixture, button } = await renderLauncher()
    button()!.dispatchEvent(new Event('pointerenter'))
    await fixture.whenStable()
    expect(button()!.getAttribute('aria-busy')).toBe('true')
    expect(document.querySelectorAll('script')).toHaveLength(1)
  })

  it('focus starts the load and shows progress; once ready, it renders nothing and the click opened the widget', async () => {
    const { widget, fixture, button } = await renderLauncher()
    button()!.dispatchEvent(new FocusEvent('focus'))
    await fixture.whenStable()
    expect(button()!.getAttribute('aria-busy')).toBe('true')
    expect(button()!.getAttribute('aria-label')).toBe('Loading chat…')
    button()!.click()
    expect(runScripts(widget)).toBe(1)
    widget.fireReady()
    await vi.waitFor(async () => {
      await fixture.whenStable()
      expect(button()).toBeNull()
    })
    expect(widget.commands.map(([name]) => name)).toEqual(['setIdentityTokenFetcher', 'open'])
  })

  it('shows your content, label and place', async () => {
    const { button } = await renderLauncher(Custom)
    expect(button()!.getAttribute('aria-label')).toBe('Ask us')
    expect(button()!.textContent!.trim()).toBe('Help')
    expect(button()!.querySelector('svg')).toBeNull()
    expect(button()!.style.left).toBe('12px')
  })
})
