import { describe, expect, it } from 'vitest'
import { entries } from './entries'
import { measure } from './measure'

describe('bundle size budgets (min+gz, esbuild --bundle --minify --format=esm, gzip -9)', () => {
  for (const entry of entries.filter((entry) => entry.budget)) {
    it(`${entry.name} <= ${entry.budget} B`, async () => {
      const { gz } = await measure(entry)
      expect(gz, `${entry.name} is ${gz} B min+gz, over its budget of ${entry.budget} B`).toBeLessThanOrEqual(entry.budget!)
    })
  }
})
