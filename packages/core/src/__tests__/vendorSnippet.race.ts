import fc from 'fast-check'
import { afterEach, beforeEach, expect, it, vi } from 'vitest'
import { run, step } from './raceModel'

// `npm run race`: the vendor's documented snippet and the kit, on the same random sequences.
// The snippet's figures are for the README; only the kit's side is asserted.
declare const process: { env: Record<string, string | undefined> }
const runs = Number(process.env.RACE_RUNS ?? 2000)

beforeEach(() => vi.useFakeTimers())
afterEach(() => vi.useRealTimers())

it(`compares the vendor snippet with the kit over ${runs} sequences`, { timeout: 0 }, async () => {
  const samples = fc.sample(fc.array(step, { minLength: 1, maxLength: 40 }), { numRuns: runs, seed: 42 })
  const totals = {
    vendor: { staleSequences: 0, wrongFinal: 0, requests: 0, throws: 0 },
    kit: { staleSequences: 0, wrongFinal: 0, requests: 0, throws: 0 },
  }
  for (const steps of samples) {
    for (const implementation of ['vendor', 'kit'] as const) {
      const report = await run(steps, implementation)
      const total = totals[implementation]
      if (report.stale.length) total.staleSequences++
      if (report.final && report.final.got !== report.final.want) total.wrongFinal++
      total.requests += report.requests
      total.throws += report.throws
    }
  }
  console.table({
    'sequences with a token for the wrong user': { vendor: totals.vendor.staleSequences, kit: totals.kit.staleSequences },
    'ending on the wrong identity': { vendor: totals.vendor.wrongFinal, kit: totals.kit.wrongFinal },
    'token requests': { vendor: totals.vendor.requests, kit: totals.kit.requests },
    'fetcher throws into the widget': { vendor: totals.vendor.throws, kit: totals.kit.throws },
  })
  expect(totals.kit.staleSequences).toBe(0)
  expect(totals.kit.wrongFinal).toBe(0)
})
