import { fileURLToPath } from 'node:url'
import { defineTestConfig } from '@widgent/config/vitest'

// Real servers, a real browser and real 1-2 s tokens: generous limits, so a busy machine is slow, not red.
// The shared fixtures (@widgent/test-utils) start this package's emulator from source, never a stale build.
export default defineTestConfig({
  environment: 'node',
  testTimeout: 30_000,
  hookTimeout: 30_000,
  expect: { poll: { timeout: 10_000 } },
  alias: { '@widgent/emulator': fileURLToPath(new URL('src/index.ts', import.meta.url)) },
})
