import { JSDOM, VirtualConsole, type DOMWindow } from 'jsdom'
import { onTestFinished } from 'vitest'
import { browserFetch } from './browserFetch'

/** What the emulator's widget puts on `window.widgent`. */
export interface WidgetGlobal {
  (command: string, ...args: unknown[]): void
  init(config: { productId: string; serviceKey: string }): void
  /** Absent in strict mode. */
  ready?: boolean
  __emulator: { inits: number; answers: Array<{ at: number; identity: string }>; dropped: string[] }
}

/**
 * A jsdom page at `origin` that loads scripts over real HTTP, with its console and `widgent:ready`
 * events recorded. Closed when the test finishes.
 */
export function openPage(origin = 'http://localhost:5173') {
  const errors: string[] = []
  const warnings: string[] = []
  const virtualConsole = new VirtualConsole()
  virtualConsole.on('error', (...args: unknown[]) => errors.push(args.map(String).join(' ')))
  virtualConsole.on('warn', (...args: unknown[]) => warnings.push(args.map(String).join(' ')))
  virtualConsole.on('jsdomError', (error: Error) => errors.push(`jsdom: ${error.message}`))
  const dom = new JSDOM('<!doctype html><html><head></head><body></body></html>', {
    url: `${origin}/`,
    runScripts: 'dangerously',
    resources: 'usable',
    pretendToBeVisual: true,
    virtualConsole,
    beforeParse(window) {
      ;(window as unknown as { fetch: typeof fetch }).fetch = browserFetch(window)
    },
  })
  const window = dom.window
  onTestFinished(() => window.close())
  let readyEvents = 0
  const ready = new Promise<void>((resolve) =>
    window.addEventListener('widgent:ready', () => {
      readyEvents++
      resolve()
    }),
  )
  return {
    window,
    errors,
    warnings,
    /** Resolves when `widgent:ready` first fires on the page's window. */
    ready,
    readyEvents: () => readyEvents,
    widgent: () => (window as DOMWindow & { widgent: WidgetGlobal }).widgent,
    panels: () => [...window.document.querySelectorAll('widgent-panel')] as HTMLElement[],
    /** Adds a script tag, as the kit's loader does; resolves on its load event. */
    loadScript(src: string) {
      return new Promise<void>((resolve, reject) => {
        const script = window.document.createElement('script')
        script.src = src
        script.addEventListener('load', () => resolve())
        script.addEventListener('error', () => reject(new Error(`${src} failed to load`)))
        window.document.head.append(script)
      })
    },
  }
}
