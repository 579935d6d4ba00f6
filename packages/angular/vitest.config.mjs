import { fileURLToPath } from 'node:url'
import { defineTestConfig } from '@widgent/config/vitest'

// The tests drive the built package (dist/, Angular Package Format, partial compilation), as an app gets it: Angular's
// JIT compiler links its declarations at run time, as the Angular CLI's linker does at build time. (By its `module`
// field, which bundlers read and vitest, resolving as Node does, does not.)
export default defineTestConfig({
  setupFiles: ['./vitest.setup.ts'],
  alias: { '@widgent/angular': fileURLToPath(new URL('./dist/fesm2022/widgent-angular.mjs', import.meta.url)) },
})
