import { defineTestConfig } from '@widgent/config/vitest'

export default defineTestConfig({
  environment: 'node',
  // Each test bundles what a user builds (the Angular entries through the Angular CLI's own transform): seconds on a
  // quiet machine, over 20 s with a load average of 14 (issue 19's flake hunt). Slow, never red.
  testTimeout: 120_000,
  include: ['size/**/*.test.ts', 'pageload/**/*.test.ts', 'figures/**/*.test.ts'],
})
