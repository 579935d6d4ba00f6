import { defineTestConfig } from '@widgent/config/vitest'

export default defineTestConfig({ environment: 'node', include: ['**/*.test.ts'] })
