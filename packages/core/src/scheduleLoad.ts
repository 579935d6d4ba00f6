import { savesData } from './savesData'
import { whenIdle } from './whenIdle'
import type { WidgentOptions } from './types'

/**
 * Starts `load` as `mode` says: at once ('eager'), once the page has gone quiet ('idle', never while the browser asks
 * to save data), or not by itself ('interaction': on intent; 'manual': on `load()`), until `signal` aborts. A widget
 * the page already has (its own snippet, a test's fake widget) is joined at once: there is nothing to load.
 */
export function scheduleLoad(mode: WidgentOptions['load'], load: () => void, signal: AbortSignal): void {
  if (mode == 'eager' || (window.widgent && mode != 'manual')) load()
  else if (mode == 'idle' && !savesData()) whenIdle(load, signal)
}
