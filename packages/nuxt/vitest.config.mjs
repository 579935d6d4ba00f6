import { fileURLToPath } from 'node:url'
import { defineTestConfig } from '@widgent/config/vitest'

const virtualModules = fileURLToPath(new URL('./src/test/virtualModules.ts', import.meta.url))

export default {
  // The module's tests load Nuxt itself (loadNuxt), as a user's build does: a second or two on a quiet machine, over
  // 20 s for the first with a load average of 20 (issue 19's flake hunt). Slow, never red.
  ...defineTestConfig({ environment: 'node', testTimeout: 120_000 }),
  resolve: { alias: { '#app': virtualModules, '#imports': virtualModules } },
}
