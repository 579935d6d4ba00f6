import { fileURLToPath } from 'node:url'
import { defineTestConfig } from '@widgent/config/vitest'

const virtualModules = fileURLToPath(new URL('./src/test/virtualModules.ts', import.meta.url))

export default {
  ...defineTestConfig({ environment: 'node' }),
  resolve: { alias: { '#app': virtualModules, '#imports': virtualModules } },
}
