import { assertOptions } from './assertOptions'
import { WidgentError } from './WidgentError'
import type { WidgentGlobal, WidgentLoadOptions } from './types'

export const DEFAULT_SCRIPT_URL = 'https://cdn.widgent.app/widget.js'

// One load per page, shared by every caller; cleared on failure so a later call retries.
let pending: Promise<WidgentGlobal> | undefined

/**
 * Load the widget script once, call `widgent.init` once and resolve when it fires `widgent:ready`.
 * Resolves `null` on the server. Rejects with a `WidgentError` ('script-load' or 'timeout').
 */
export function loadWidgent(options: WidgentLoadOptions): Promise<WidgentGlobal | null> {
  assertOptions(options)
  if (typeof window == 'undefined') return Promise.resolve(null)
  return (pending ||= inject(options).catch((error) => {
    pending = undefined
    throw error
  }))
}

const inject = ({ productId, serviceKey, scriptUrl = DEFAULT_SCRIPT_URL, nonce, loadTimeoutMs = 15e3 }: WidgentLoadOptions) =>
  new Promise<WidgentGlobal>((resolve, reject) => {
    // A widget that was ready before the kit started (the page's own snippet, another copy of the kit).
    if (window.widgent?.ready) return resolve(window.widgent)
    const src = new URL(scriptUrl, document.baseURI).href
    const found = [...document.scripts].find((tag) => tag.src == src)
    const script = found || document.createElement('script')
    const listening = new AbortController()
    const on = (target: EventTarget, type: string, listener: () => void) =>
      target.addEventListener(type, listener, { signal: listening.signal })
    const finish = (error?: WidgentError) => {
      clearTimeout(timer)
      listening.abort()
      if (!error) return resolve(window.widgent!)
      // A dead tag, and whatever it half-defined, must not poison the next attempt.
      if (!found) {
        script.remove()
        delete window.widgent
      }
      reject(error)
    }
    const init = () => {
      try {
        window.widgent!.init({ productId, serviceKey })
      } catch {
        finish(new WidgentError('script-load', __DEV__ && `${src} defines no window.widgent.init: check scriptUrl.`))
      }
    }
    const timer = setTimeout(() => finish(new WidgentError('timeout', __DEV__ && `No widgent:ready within ${loadTimeoutMs} ms: check productId, serviceKey and scriptUrl.`)), loadTimeoutMs)
    // Listen before injecting, so a fast widget cannot fire ready unheard.
    on(window, 'widgent:ready', () => finish())
    // A tag from the page's HTML that has already run: initialise it rather than add a second one.
    if (found && window.widgent) return init()
    on(script, 'load', init)
    on(script, 'error', () => finish(new WidgentError('script-load', __DEV__ && `Could not load ${src}: check scriptUrl, the network and your Content-Security-Policy.`)))
    if (!found) {
      script.src = src
      script.async = true
      if (nonce) script.setAttribute('nonce', (script.nonce = nonce))
      document.head.append(script)
    }
  })
