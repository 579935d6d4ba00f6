import { expect, it } from 'vitest'
import { checkReadmeBlocks } from './checkReadmeBlocks'

// `npm run test:docs`, and part of `npm test`: a README that calls what the packages do not export, or calls it wrongly, fails here.
it(
  'every ts, tsx, vue and svelte block of the READMEs type-checks against the built packages',
  { timeout: 300_000 },
  async () => {
    const { checked, problems } = await checkReadmeBlocks()
    expect(checked.length).toBeGreaterThan(50)
    expect(problems.map(({ where, message }) => `${where}: ${message}`)).toEqual([])
  },
)
