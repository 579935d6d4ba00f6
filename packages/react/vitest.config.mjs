import { fileURLToPath } from 'node:url'
import { defineTestConfig } from '@widgent/config/vitest'

// @widgent/react/next imports the package by its name: the tests give it this source, as the build gives it dist.
export default defineTestConfig({
  alias: [{ find: /^@widgent\/react$/, replacement: fileURLToPath(new URL('./src/index.ts', import.meta.url)) }],
})
