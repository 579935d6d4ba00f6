import type { WidgentOptions } from './types'

/** Logs one of the kit's decisions. */
export type Debug = (decision: string, detail?: unknown) => void

const KEY = 'widgent:debug'

/**
 * Development builds only (every call site reads `__DEV__ &&`, so production builds drop them): logs each decision
 * when `options.debug` is set, or, without a rebuild, after `localStorage.setItem('widgent:debug', '1')` in the console.
 */
export function createDebug(options: WidgentOptions): Debug {
  return (decision, detail) => {
    let on = options.debug
    try {
      on ||= !!localStorage.getItem(KEY)
    } catch {
      // No storage (a sandboxed frame): only the option turns it on.
    }
    if (on) console.debug(`[widgent] ${decision}`, ...(detail === undefined ? [] : [detail]))
  }
}
