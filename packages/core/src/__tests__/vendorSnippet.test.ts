import fc from 'fast-check'
import { afterEach, beforeEach, expect, it, vi } from 'vitest'
import { run, step } from './raceModel'

// The vendor's documented snippet and the kit, on the same random sequences (fast-check seed 42): a few hundred in
// `npm test`; `npm run race` plays 10,000 and writes the totals to bench/results/race.json for the README.
declare const process: { env: Record<string, string | undefined> }
const runs = Number(process.env.RACE_RUNS ?? 300)
const resultsFile = process.env.RACE_RESULTS
// Taken before the fake timers (which fake performance.now too) are installed.
const started = performance.now()

beforeEach(() => vi.useFakeTimers())
afterEach(() => vi.useRealTimers())

it(
  `the kit never hands the widget a wrong user's token where the vendor's snippet does, over ${runs} sequences`,
  { timeout: 0 },
  async () => {
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
        if (report.final && (!report.final.registered || report.final.got !== report.final.want)) total.wrongFinal++
        total.requests += report.requests
        total.throws += report.throws
      }
    }
    console.table({
      'sequences with a token for the wrong user': {
        vendor: totals.vendor.staleSequences,
        kit: totals.kit.staleSequences,
      },
      'ending on the wrong identity': { vendor: totals.vendor.wrongFinal, kit: totals.kit.wrongFinal },
      'token requests': { vendor: totals.vendor.requests, kit: totals.kit.requests },
      'fetcher throws into the widget': { vendor: totals.vendor.throws, kit: totals.kit.throws },
    })
    expect(totals.kit).toMatchObject({ staleSequences: 0, wrongFinal: 0, throws: 0 })
    // The comparison shows something real: on the same sequences the snippet goes wrong, and asks its route more.
    expect(totals.vendor.staleSequences).toBeGreaterThan(0)
    expect(totals.vendor.wrongFinal).toBeGreaterThan(0)
    expect(totals.vendor.throws).toBeGreaterThan(0)
    expect(totals.kit.requests).toBeLessThan(totals.vendor.requests)

    if (resultsFile) {
      // Core's types are the browser's (no @types/node): the one Node call is typed here.
      const fs = 'node:fs'
      const { writeFileSync } = (await import(/* @vite-ignore */ fs)) as {
        writeFileSync(file: string, text: string): void
      }
      vi.useRealTimers()
      const seconds = Math.round((performance.now() - started) / 1000)
      writeFileSync(resultsFile, JSON.stringify({ runs, seed: 42, seconds, ...totals }, null, 2) + '\n')
      console.log(`${resultsFile} written: npm run figures puts it in the README.`)
    }
  },
)
