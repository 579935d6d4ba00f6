import { defineTestConfig } from '@widgent/config/vitest'

// Real servers, a real browser and real 1-2 s tokens: generous limits, so a busy machine is slow, not red.
export default defineTestConfig({ environment: 'node', testTimeout: 30_000, hookTimeout: 30_000, expect: { poll: { timeout: 10_000 } } })
