import fc from 'fast-check'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { run, step } from './raceModel'

// 1,000 sequences in `npm test`; `npm run race` runs 10,000 or more (RACE_RUNS).
const runs = Number(process.env.RACE_RUNS ?? 1000)
const sequences = fc.array(step, { minLength: 1, maxLength: 40 })
// The page's clock: right, or hours or a day off the service's either way (set by hand, a dead battery, a paused VM).
const pageClock = fc.constantFrom(0, 0, 3 * 3_600_000, -3 * 3_600_000, 26 * 3_600_000, -26 * 3_600_000)

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
      fc.asyncProperty(sequences, fc.boolean(), pageClock, async (steps, strict, skewMs) => {
        const report = await run(steps, 'kit', { strict, skewMs })
        // every non-empty token the widget receives belongs to the user signed in when it receives it
        expect(report.stale).toEqual([])
        // and is in the first half of its real life, whatever the page's clock says
        expect(report.late).toEqual([])
        // once quiet with the page mounted (the widget is ready throughout), a fetcher is registered and the widget's
        // last answer is the signed-in user's token ('' when signed out, or when a failure stands)
        if (report.final)
          expect(report.final).toEqual({ registered: true, got: report.final.want, want: report.final.want })
        // one token request per settled user change, refresh(), restore and stale token, plus one per failed try
        // that may get better and per online or visible event: nothing more
        expect(report.requests).toBeLessThanOrEqual(report.allowance + report.recoveries)
        // nothing is thrown into the widget, and destroy() leaves no timer
        expect(report.throws).toBe(0)
        expect(report.timersAfterDestroy).toBe(0)
      }),
      { numRuns: runs },
    )
  })
})
