import { defineTestConfig } from '@widgent/config/vitest'

// Each test starts a real emulator: a busy machine is slow, not red.
export default defineTestConfig({ environment: 'node', testTimeout: 20_000 })
