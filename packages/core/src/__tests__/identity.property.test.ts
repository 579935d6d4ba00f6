import fc from 'fast-check'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { run, step } from './raceModel'

// 1,000 sequences in `npm test`; `npm run race` runs 10,000 or more (RACE_RUNS).
const runs = Number(process.env.RACE_RUNS ?? 1000)
const sequences = fc.array(step, { minLength: 1, maxLength: 40 })

declare const process: { env: Record<string, string | undefined> }

beforeEach(() => {
  vi.useFakeTimers()
})
afterEach(() => {
  vi.useRealTimers()
})

describe('identity under random races (property-based)', () => {
  it(`holds every identity rule over ${runs} random sequences`, { timeout: 0 }, async () => {
    await fc.assert(
      fc.asyncProperty(sequences, fc.boolean(), async (steps, strict) => {
        const report = await run(steps, 'kit', { strict })
        // every non-empty token the widget receives belongs to the user signed in when it receives it
        expect(report.stale).toEqual([])
        // once quiet, the widget's last answer is the final user's token ('' when signed out)
        if (report.final) expect(report.final.got).toBe(report.final.want)
        // token requests never exceed settled user changes + refresh() calls + the allowed retries, and the automatic tries
        expect(report.requests).toBeLessThanOrEqual(3 * report.allowance + report.recoveries)
        // nothing is thrown into the widget, and destroy() leaves no timer
        expect(report.throws).toBe(0)
        expect(report.timersAfterDestroy).toBe(0)
      }),
      { numRuns: runs },
    )
  })
})
