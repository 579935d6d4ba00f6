import { defineConfig } from 'vitest/config'

// `npm run race`: the long property runs and the vendor comparison, outside `npm test`.
export default defineConfig({
  define: { __DEV__: 'true' },
  test: { environment: 'jsdom', include: ['src/__tests__/*.race.ts'] },
})
