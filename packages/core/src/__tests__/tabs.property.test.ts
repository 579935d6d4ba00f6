// @vitest-environment node
// Each tab is a jsdom window of its own (see tabsModel.ts): the file itself needs none, and esbuild needs Node's TextEncoder.
import fc from 'fast-check'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { runTabs, tabStep, type TabStep } from './tabsModel'

// 200 sequences in `npm test`; `npm run race` runs more (RACE_RUNS / 5).
const runs = Math.ceil(Number(process.env.RACE_RUNS ?? 1000) / 5)
// Played first, every run: a sign-in elsewhere that one tab's app learns before another's, which still holds the
// previous user's token when the first asks the tabs for one (random search reaches it rarely).
const elsewhere: TabStep[] = [
  { kind: 'signIn', tab: 0, user: 'ada' },
  { kind: 'answer', pick: 0, outcome: 'token' },
  { kind: 'elsewhere', user: 'grace' },
  { kind: 'open', auth: false },
  { kind: 'wait', ms: 300 },
  { kind: 'catchUp', tab: 1 },
  { kind: 'wait', ms: 300 },
]

declare const process: { env: Record<string, string | undefined> }

beforeEach(() => {
  vi.useFakeTimers()
})
afterEach(() => {
  vi.useRealTimers()
})

describe('identity across tabs and page loads under random races (property-based)', () => {
  it(
    `no widget shows a user its tab does not have, over ${runs} random sequences of tabs`,
    { timeout: 0 },
    async () => {
      await fc.assert(
        fc.asyncProperty(
          fc
            .array(tabStep, { minLength: 1, maxLength: 40 })
            .map((steps): TabStep[] => [{ kind: 'open', auth: true }, ...steps]),
          fc.boolean(),
          fc.constantFrom('memory' as const, 'sessionStorage' as const),
          async (steps, strict, tokenStorage) => {
            const report = await runTabs(steps, { strict, tokenStorage })
            // every token a widget gets is for its tab's app's user or the session's, never a third
            expect(report.wrong).toEqual([])
            // once quiet and every app caught up, each widget holds the session's user (anonymous: signed out, or a
            // failure that stands)
            expect(report.final).toEqual([])
          },
        ),
        { numRuns: runs, examples: [[[{ kind: 'open', auth: true }, ...elsewhere], false, 'memory']] },
      )
    },
  )
})
