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
