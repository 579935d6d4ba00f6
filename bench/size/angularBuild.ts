import { dirname } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { BuildOptions, Plugin } from 'esbuild'
// The Angular CLI's own transform (the `private` entry of @angular/build: what `ng build` runs on every package).
import { JavaScriptTransformer } from '@angular/build/private'

const ANGULAR_PACKAGE = dirname(fileURLToPath(import.meta.resolve('@widgent/angular/package.json')))

/**
 * What `ng build` does to an Angular library on its way into an app's production bundle, for esbuild:
 * - the Angular linker turns the package's partial declarations into definitions, and the CLI's optimizations mark
 *   them pure (so an unused component goes), with Angular's production flags (`ngDevMode` false, ...);
 * - Angular is in the app: `@angular/*` resolves to a module that declares each of its exports, empty, and holds none
 *   of its code, so the package's calls into Angular are minified local names, as in an app's production bundle; the
 *   empty declarations (Angular's code, in an app) are then taken out (`withoutAngular`). External, as React and Vue
 *   are, each Angular function the package calls would count as its full name, `provideEnvironmentInitializer as x`
 *   and `e.ɵɵdomElementStart(…)`, which no Angular app ships.
 */
export function angularBuild(): Pick<BuildOptions, 'plugins' | 'define' | 'pure'> & {
  withoutAngular(code: string): string
  close(): Promise<void>
} {
  const transformer = new JavaScriptTransformer({ sourcemap: false, advancedOptimizations: true, jit: false }, 1)
  const plugin: Plugin = {
    name: 'angular-cli-build',
    setup(build) {
      build.onResolve({ filter: /^@angular\// }, ({ path }) => ({ path, namespace: 'angular' }))
      build.onLoad({ filter: /.*/, namespace: 'angular' }, async ({ path }) => {
        const names = Object.keys(await import(path)).filter((name) => name != 'default')
        return { contents: `export let ${names.join(', ')};`, loader: 'js' }
      })
      build.onLoad({ filter: /\.m?js$/ }, async ({ path }) => {
        if (!path.startsWith(ANGULAR_PACKAGE)) return undefined
        // `sideEffects: false` in the package's manifest, as the CLI reads it.
        return { contents: await transformer.transformFile(path, false, false), loader: 'js' }
      })
    },
  }
  return {
    withoutAngular: (code) => code.replace(/^(?:var [\w$]+(?:,[\w$]+)*;)+/, ''),
    plugins: [plugin],
    // The Angular CLI's production defines.
    define: { ngDevMode: 'false', ngJitMode: 'false', ngServerMode: 'false', ngHmrMode: 'false' },
    pure: ['forwardRef'],
    close: () => transformer.close(),
  }
}
