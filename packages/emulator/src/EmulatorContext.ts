import type { EmulatorFaults, EmulatorLog, EmulatorProduct, EmulatorSettings } from './types'

/** Everything a request handler may read or change: one per running emulator. */
export interface EmulatorContext {
  products: ReadonlyMap<string, EmulatorProduct>
  /** The emulator's own signing key, new each start: tokens never outlive the emulator that minted them. */
  key: Buffer
  settings: EmulatorSettings
  faultsEnabled: boolean
  faults: EmulatorFaults
  /** Token requests still to fail with `faults.tokenStatus`. */
  tokenFailuresLeft: number
  log: EmulatorLog
  /** Aborted by `close()`, so pending fault delays end with it. */
  closing: AbortSignal
}

export const emptyLog = (): EmulatorLog => ({ tokens: [], messages: [], inits: [], scriptLoads: 0, rejected: [] })
