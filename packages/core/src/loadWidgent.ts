import { assertOptions } from './assertOptions'
import { DEFAULT_LOAD_TIMEOUT_MS, DEFAULT_SCRIPT_URL, TRUSTED_TYPES_POLICY } from './constants'
import { WidgentError, type WidgentErrorCode } from './WidgentError'
import type { WidgentGlobal, WidgentLoadOptions } from './types'

// One load per page, shared by every caller; forgotten on failure, so the next call tries again.
let pending: Promise<void> | undefined
let policy: { createScriptURL(url: string): string } | undefined

/**
 * Load the widget script once, call `widgent.init` once and resolve when it fires `widgent:ready`.
 * Resolves `null` on the server. Rejects with a `WidgentError` ('script-load' or 'timeout').
 */
export function loadWidgent(options: WidgentLoadOptions): Promise<WidgentGlobal | null> {
  assertOptions(options)
  return typeof window == 'undefined' ? Promise.resolve(null) : loadScript(options).then(() => window.widgent!)
}

/**
 * `loadWidgent` for callers that checked `options` and run in a browser. A widget the page loaded itself is
 * joined, never initialised again: the page's own code (the vendor's snippet) calls `init`.
 */
export const loadScript = (options: WidgentLoadOptions): Promise<void> =>
  (pending ||= (window.widgent && window.widgent.ready !== false ? Promise.resolve() : whenReady(options)).catch(
    (error) => {
      pending = undefined
      throw error
    },
  ))

/**
 * Resolves on `widgent:ready`: for the script the kit adds (and initialises on load), a tag of the page's HTML
 * still loading (the same), or a widget the page loaded that says it is not ready yet (the page initialises it).
 */
const whenReady = (options: WidgentLoadOptions) =>
  new Promise<void>((resolve, reject) => {
    const url = absolute(options.scriptUrl ?? DEFAULT_SCRIPT_URL)
    let script = findScript(url)
    const listening = new AbortController()
    const timeoutMs = options.loadTimeoutMs ?? DEFAULT_LOAD_TIMEOUT_MS
    const finish = (code?: WidgentErrorCode, detail?: string | false) => {
      clearTimeout(timer)
      listening.abort()
      if (!code) return resolve()
      // A dead tag (ours, or one of the page's that failed before the kit ran: its events are long gone), and
      // whatever it half-defined, must not poison the next try.
      script?.remove()
      delete window.widgent
      reject(new WidgentError(code, detail))
    }
    const init = () => {
      try {
        window.widgent!.init({ productId: options.productId, serviceKey: options.serviceKey })
      } catch {
        finish('script-load', __DEV__ && `${url} defines no window.widgent.init: check scriptUrl.`)
      }
    }
    const failed = () =>
      finish(
        'script-load',
        __DEV__ && `Could not load ${url}: check scriptUrl, the network and your Content-Security-Policy (script-src).`,
      )
    const timer = setTimeout(
      () =>
        finish(
          'timeout',
          __DEV__ &&
            `No widgent:ready within ${timeoutMs} ms: check productId and serviceKey; a page that loads the widget script itself must call widgent.init.`,
        ),
      timeoutMs,
    )
    // Listening before the tag goes in, so a fast widget cannot fire ready unheard; aborting removes every listener.
    window.addEventListener('widgent:ready', () => finish(), listening)
    // The page's own widget, not ready yet: the page initialises it.
    if (window.widgent) return
    try {
      script ||= injectScript(url, options.nonce)
    } catch {
      return finish(
        'script-load',
        __DEV__ &&
          `Trusted Types refused the widget script: add "trusted-types ${TRUSTED_TYPES_POLICY}" to your Content-Security-Policy.`,
      )
    }
    script.addEventListener('load', init, listening)
    script.addEventListener('error', failed, listening)
  })

// Resolved against the page's base URL, as the tags already in the page are (a link never throws, nor needs Trusted Types).
function absolute(url: string): string {
  const link = document.createElement('a')
  link.href = url
  return link.href
}

const findScript = (url: string) => [...document.scripts].find((script) => script.src == url)

function injectScript(url: string, nonce: string | undefined): HTMLScriptElement {
  const script = document.createElement('script')
  script.src = trustedScriptUrl(url)
  script.async = true
  if (nonce) script.setAttribute('nonce', (script.nonce = nonce))
  document.head.append(script)
  return script
}

/** Where the page enforces Trusted Types, a script URL must come from a policy; the page's CSP decides which names may exist. */
function trustedScriptUrl(url: string): string {
  const trustedTypes = (
    window as {
      trustedTypes?: { createPolicy(name: string, rules: { createScriptURL(url: string): string }): typeof policy }
    }
  ).trustedTypes
  if (!trustedTypes) return url
  policy ||= trustedTypes.createPolicy(TRUSTED_TYPES_POLICY, { createScriptURL: (url) => url })
  return policy!.createScriptURL(url)
}
