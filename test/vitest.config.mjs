import { defineTestConfig } from '@widgent/config/vitest'

export default defineTestConfig({
  environment: 'node',
  include: ['e2e/**/*.test.ts'],
  // One Chromium for the whole run; each file starts its own servers.
  globalSetup: ['e2e/support/launchBrowser.ts'],
  // The app files run side by side: they mostly wait on the browser and on real timers.
  maxWorkers: 3,
  // Real servers, a real browser and real tokens: generous limits, so a busy machine is slow, not red. A file's setup
  // starts dev servers or builds an app (nuxi build: 26 s on an idle machine, over 300 s with a load average of 30).
  testTimeout: 120_000,
  hookTimeout: 600_000,
  expect: { poll: { timeout: 15_000, interval: 100 } },
  typecheck: { enabled: false },
})
