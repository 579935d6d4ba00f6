import type { EmulatorSettings, EmulatorSettingsChanges } from './types'

/** A bad setting, naming it: a start option throws it as is, `POST /__emulator/config` answers it as a 400. */
export class SettingError extends TypeError {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message)
  }
}

const CHECKS: { [K in keyof EmulatorSettings]: (value: unknown) => EmulatorSettings[K] } = {
  // Whole seconds, at least 1: a JWT's `exp` is in seconds.
  tokenTtlSeconds(seconds) {
    if (!Number.isInteger(seconds) || (seconds as number) < 1) {
      throw new SettingError(
        'tokenTtlSeconds',
        `tokenTtlSeconds must be a whole number of seconds, at least 1 (got ${String(seconds)}).`,
      )
    }
    return seconds as number
  },
  strict(strict) {
    if (typeof strict != 'boolean')
      throw new SettingError('strict', `strict must be true or false (got ${JSON.stringify(strict)}).`)
    return strict
  },
  // A key left out is 0: `{ startupMs: 150 }` alone weighs nothing in bytes.
  weight(weight) {
    const {
      scriptBytes = 0,
      startupMs = 0,
      ...rest
    } = (weight && typeof weight == 'object' ? weight : { rest: true }) as Record<string, unknown>
    if (Object.keys(rest).length) {
      throw new SettingError(
        'weight',
        `weight must be an object { scriptBytes, startupMs } (got ${JSON.stringify(weight)}).`,
      )
    }
    const whole = (field: string, value: unknown, max: number) => {
      if (!Number.isInteger(value) || (value as number) < 0 || (value as number) > max) {
        throw new SettingError(
          `weight.${field}`,
          `weight.${field} must be a whole number from 0 to ${max} (got ${JSON.stringify(value)}).`,
        )
      }
      return value as number
    }
    return {
      scriptBytes: whole('scriptBytes', scriptBytes, MAX_SCRIPT_BYTES),
      startupMs: whole('startupMs', startupMs, MAX_STARTUP_MS),
    }
  },
}

const MAX_SCRIPT_BYTES = 10_000_000
const MAX_STARTUP_MS = 10_000

/** Checks changes to the settings that can change while the emulator runs; an unknown one is refused too. */
export function checkSettings(changes: EmulatorSettingsChanges | Record<string, unknown>): Partial<EmulatorSettings> {
  const checked: Record<string, unknown> = {}
  for (const [field, value] of Object.entries(changes)) {
    if (!Object.hasOwn(CHECKS, field)) {
      throw new SettingError(field, `Unknown setting "${field}": the settings are ${Object.keys(CHECKS).join(', ')}.`)
    }
    checked[field] = CHECKS[field as keyof EmulatorSettings](value)
  }
  return checked as Partial<EmulatorSettings>
}
