import { fileURLToPath } from 'node:url'
import { defineTestConfig } from '@widgent/config/vitest'

const angular = (path) => fileURLToPath(new URL(`../angular/${path}`, import.meta.url))

/**
 * @widgent/angular's own tests, run as they are there, but on Angular 20: this workspace holds Angular 20, and every
 * import of Angular resolves here (`dedupe`), whoever makes it: the tests, the built package, Angular's own packages.
 */
export default defineConfig()

function defineConfig() {
  const config = defineTestConfig({
    dir: angular('src'),
    include: ['**/*.test.ts'],
    setupFiles: ['./assertAngular20.ts', angular('vitest.setup.ts')],
    alias: { '@widgent/angular': angular('dist/fesm2022/widgent-angular.mjs') },
    // The type tests hold for the package's types, whatever Angular runs them: they run once, in @widgent/angular.
    typecheck: { enabled: false },
  })
  config.resolve = {
    dedupe: [
      '@angular/core',
      '@angular/common',
      '@angular/compiler',
      '@angular/platform-browser',
      '@angular/platform-server',
      'zone.js',
    ],
  }
  return config
}
