import { countWindowListeners, goOnline, restoreFromCache, showPage } from '@widgent/test-utils'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { watchPage } from '../watchPage'

// Every watch stops when the test ends.
const runs: AbortController[] = []

/** Handlers for every page event, and a running watch on them. */
function watch() {
  const on = { _online: vi.fn(), _visible: vi.fn(), _restored: vi.fn(), _widgetReady: vi.fn() }
  const run = new AbortController()
  runs.push(run)
  watchPage(on, run.signal)
  return { on, run }
}

/** jsdom's document is always visible: what a browser says while the tab is in the background. */
const hidePage = () => Object.defineProperty(document, 'visibilityState', { value: 'hidden', configurable: true })

afterEach(() => {
  runs.splice(0).forEach((run) => run.abort())
  delete (document as { visibilityState?: unknown }).visibilityState
  vi.restoreAllMocks()
})

describe('watchPage', () => {
  it('tells when the browser is back online', () => {
    const { on } = watch()
    goOnline()
    expect(on._online).toHaveBeenCalledOnce()
    expect(on._visible).not.toHaveBeenCalled()
  })

  it('tells when the page is seen again, not when it is hidden', () => {
    const { on } = watch()
    hidePage()
    document.dispatchEvent(new Event('visibilitychange'))
    expect(on._visible).not.toHaveBeenCalled()
    delete (document as { visibilityState?: unknown }).visibilityState
    showPage()
    expect(on._visible).toHaveBeenCalledOnce()
  })

  it('tells when the page comes back from the back/forward cache, not on an ordinary page show', () => {
    const { on } = watch()
    window.dispatchEvent(Object.assign(new Event('pageshow'), { persisted: false }))
    expect(on._restored).not.toHaveBeenCalled()
    restoreFromCache()
    expect(on._restored).toHaveBeenCalledOnce()
  })

  it('tells when the widget fires widgent:ready', () => {
    const { on } = watch()
    window.dispatchEvent(new Event('widgent:ready'))
    expect(on._widgetReady).toHaveBeenCalledOnce()
  })

  it('an abort removes every listener', () => {
    const live = countWindowListeners()
    const { on, run } = watch()
    expect(live()).toBe(3)
    run.abort()
    expect(live()).toBe(0)
    goOnline()
    showPage()
    restoreFromCache()
    window.dispatchEvent(new Event('widgent:ready'))
    for (const handler of Object.values(on)) expect(handler).not.toHaveBeenCalled()
  })
})
