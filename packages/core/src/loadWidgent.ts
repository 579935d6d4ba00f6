import { assertOptions } from './assertOptions'
import { WidgentError, type WidgentErrorCode } from './WidgentError'
import type { WidgentGlobal, WidgentLoadOptions } from './types'

export const DEFAULT_SCRIPT_URL = 'https://cdn.widgent.app/widget.js'

// One load per page, shared by every caller; cleared on failure so a later call retries.
let pending: Promise<void> | undefined

/**
 * Load the widget script once, call `widgent.init` once and resolve when it fires `widgent:ready`.
 * Resolves `null` on the server. Rejects with a `WidgentError` ('script-load' or 'timeout').
 */
export function loadWidgent(options: WidgentLoadOptions): Promise<WidgentGlobal | null> {
  assertOptions(options)
  return typeof window == 'undefined' ? Promise.resolve(null) : loadOnce(options).then(() => window.widgent!)
}

/** `loadWidgent` for callers that checked `options` and run in a browser. */
export const loadOnce = (options: WidgentLoadOptions) =>
  (pending ||= new Promise<void>((resolve, reject) => {
    // A widget that was ready before the kit started (the page's own snippet, another copy of the kit).
    if (window.widgent?.ready) return resolve()
    const script = document.createElement('script')
    // Resolved against the page's base URL, as the tags already in the page are.
    script.src = options.scriptUrl ?? DEFAULT_SCRIPT_URL
    const found = [...document.scripts].find((tag) => tag.src == script.src)
    const tag = found || script
    const listening = new AbortController()
    const finish = (code?: WidgentErrorCode, detail?: string | false) => {
      clearTimeout(timer)
      listening.abort()
      if (!code) return resolve()
      // A dead tag (ours, or one from the page's HTML that failed before the kit ran: its events are
      // long gone), and whatever it half-defined, must not poison the next attempt.
      tag.remove()
      delete window.widgent
      reject(new WidgentError(code, detail))
    }
    const init = () => {
      try {
        window.widgent!.init({ productId: options.productId, serviceKey: options.serviceKey })
      } catch {
        finish('script-load', __DEV__ && `${script.src} defines no window.widgent.init: check scriptUrl.`)
      }
    }
    const timer = setTimeout(() => finish('timeout', __DEV__ && `No widgent:ready within ${options.loadTimeoutMs ?? 15e3} ms: check productId, serviceKey and scriptUrl.`), options.loadTimeoutMs ?? 15e3)
    // Listen before injecting, so a fast widget cannot fire ready unheard.
    // The controller carries the `signal` option itself: aborting it removes every listener.
    window.addEventListener('widgent:ready', () => finish(), listening)
    // A tag from the page's HTML that has already run: initialise it rather than add a second one.
    if (found && window.widgent) return init()
    tag.addEventListener('load', init, listening)
    tag.addEventListener('error', () => finish('script-load', __DEV__ && `Could not load ${script.src}: check scriptUrl, the network and your Content-Security-Policy.`), listening)
    if (!found) {
      script.async = true
      if (options.nonce) script.setAttribute('nonce', (script.nonce = options.nonce))
      document.head.append(script)
    }
  }).catch((error) => {
    pending = undefined
    throw error
  }))
