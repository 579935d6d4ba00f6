import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { entries } from './entries'
import { measure } from './measure'
import { sizeTable } from './sizeTable'

describe('bundle size budgets (min+gz, esbuild --bundle --minify --format=esm, gzip -9)', () => {
  for (const entry of entries.filter((entry) => entry.budget)) {
    it(`${entry.name} <= ${entry.budget} B`, async () => {
      const { gz } = await measure(entry)
      expect(gz, `${entry.name} is ${gz} B min+gz, over its budget of ${entry.budget} B`).toBeLessThanOrEqual(
        entry.budget!,
      )
    })
  }

  // The READMEs take their sizes from bench/results/size.json (figures/readmeFigures.test.ts holds them to it).
  it("bench/results/size.json has the sizes of today's code", async () => {
    const committed = JSON.parse(readFileSync(new URL('../results/size.json', import.meta.url), 'utf8'))
    expect(
      await sizeTable(),
      'the sizes moved: run npm run figures, which weighs them again and updates the READMEs',
    ).toEqual(committed)
  })
})
