import { HttpError } from './HttpError'
import type { EmulatorFaults } from './types'

const SCRIPT_MODES = ['ok', '404', 'slow', 'never-ready']
const MAX_DELAY_MS = 120_000

/** Checks a `POST /__emulator/faults` body: only known knobs, each with a usable value. */
export function parseFaults(body: Record<string, unknown>): EmulatorFaults {
  const bad = (field: string, rule: string) => new HttpError(400, `${field} must be ${rule}.`, field)
  const delayMs = (field: string, value: unknown) => {
    if (!Number.isInteger(value) || (value as number) < 0 || (value as number) > MAX_DELAY_MS) {
      throw bad(field, `a whole number of milliseconds from 0 to ${MAX_DELAY_MS}`)
    }
    return value as number
  }
  const faults: EmulatorFaults = {}
  for (const [field, value] of Object.entries(body)) {
    if (field == 'script') {
      if (!SCRIPT_MODES.includes(value as string))
        throw bad(field, `one of ${SCRIPT_MODES.map((m) => `'${m}'`).join(', ')}`)
      faults.script = value as EmulatorFaults['script']
    } else if (field == 'scriptDelayMs' || field == 'tokenDelayMs') {
      faults[field] = delayMs(field, value)
    } else if (field == 'tokenStatus') {
      if (!Number.isInteger(value) || (value as number) < 400 || (value as number) > 599)
        throw bad(field, 'an HTTP error status from 400 to 599')
      faults.tokenStatus = value as number
    } else if (field == 'tokenFailCount') {
      if (!Number.isInteger(value) || (value as number) < 1)
        throw bad(field, 'a whole number, at least 1 (leave it out for unlimited)')
      faults.tokenFailCount = value as number
    } else {
      throw new HttpError(
        400,
        `Unknown fault knob "${field}": use script, scriptDelayMs, tokenStatus, tokenFailCount or tokenDelayMs.`,
        field,
      )
    }
  }
  return faults
}
