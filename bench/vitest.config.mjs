import { defineTestConfig } from '@widgent/config/vitest'

export default defineTestConfig({
  environment: 'node',
  include: ['size/**/*.test.ts', 'pageload/**/*.test.ts', 'figures/**/*.test.ts'],
})
