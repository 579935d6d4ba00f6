import { savesData } from './savesData'
import { whenIdle } from './whenIdle'
import type { WidgentOptions } from './types'

/**
 * Starts `load` as `mode` says: at once ('eager'), once the page has gone quiet ('idle', never while the browser asks
 * to save data), or not by itself ('interaction': on intent; 'manual': on `load()`), until `signal` aborts.
 */
export function scheduleLoad(mode: WidgentOptions['load'], load: () => void, signal: AbortSignal): void {
  if (mode == 'eager') load()
  else if (mode == 'idle' && !savesData()) whenIdle(load, signal)
}
