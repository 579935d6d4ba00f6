import { defineConfig } from 'vitest/config'

/**
 * The test setup every package shares. Results go to `.test-results.json` too (or the file WIDGENT_TEST_RESULTS names:
 * CI's second run on the newest Node line), so `.ci/run` can print the real pass/fail counts.
 */
export function defineTestConfig({ environment = 'jsdom', ...test } = {}) {
  return defineConfig({
    define: { __DEV__: 'true' },
    test: {
      environment,
      reporters: ['default', ['json', { outputFile: process.env.WIDGENT_TEST_RESULTS || '.test-results.json' }]],
      typecheck: { enabled: true, include: ['src/**/*.test-d.ts'] },
      // CI runs every package's tests on two cores at once: a slow machine must make tests slow, not red.
      // (Races are driven by fake timers and deferred promises, never by these limits.)
      testTimeout: 20_000,
      hookTimeout: 30_000,
      ...test,
    },
  })
}
