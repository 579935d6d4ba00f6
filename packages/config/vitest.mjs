import { defineConfig } from 'vitest/config'

/**
 * The test setup every package shares. Results go to `.test-results.json` too,
 * so `.ci/run` can print the real pass/fail counts.
 */
export function defineTestConfig({ environment = 'jsdom', ...test } = {}) {
  return defineConfig({
    define: { __DEV__: 'true' },
    test: {
      environment,
      reporters: ['default', ['json', { outputFile: '.test-results.json' }]],
      typecheck: { enabled: true, include: ['src/**/*.test-d.ts'] },
      ...test,
    },
  })
}
