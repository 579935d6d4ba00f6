import { RECOVERY_MIN_GAP_MS } from './constants'
import { mayRecover, recoveryDelay } from './retryer'
import type { WidgentError } from './WidgentError'

/** What makes a failure that stands try again by itself. */
export type RecoveryTrigger = 'online' | 'visible'

export interface Recovery {
  /** A request starts: a timer due is cancelled, and the page's return waits RECOVERY_MIN_GAP_MS after it. */
  _started(): void
  /** A request failed and its failure stands: when the next automatic try is due (ms epoch), or null when none will come. */
  _failed(error: WidgentError): number | null
  /** One more try now, if the failure that stands allows it: `online` for one that may get better, `visible` for any. */
  _trigger(trigger: RecoveryTrigger): void
  /** Nothing stands any more (a token arrived, the user changed): the backoff starts afresh. */
  _reset(): void
}

/**
 * When a failure that stands is tried again by itself: on a timer with a growing backoff and on `online` for one that
 * may get better (5xx, network, timeout); when the page is seen again for any (401 and a bad token included).
 */
export function createRecovery(tryAgain: () => void): Recovery {
  let failure: WidgentError | undefined
  let recoveries = 0
  let lastStart = 0
  let timer: ReturnType<typeof setTimeout> | undefined

  const stop = () => {
    clearTimeout(timer)
    failure = undefined
  }
  return {
    _started() {
      stop()
      lastStart = Date.now()
    },
    _failed(error) {
      failure = error
      if (!mayRecover(error)) return null
      const delay = recoveryDelay(recoveries++)
      timer = setTimeout(tryAgain, delay)
      return Date.now() + delay
    },
    _trigger(trigger) {
      if (failure && (trigger == 'visible' ? Date.now() - lastStart >= RECOVERY_MIN_GAP_MS : mayRecover(failure)))
        tryAgain()
    },
    _reset() {
      stop()
      recoveries = 0
    },
  }
}
