import type { BuildOptions } from 'esbuild'

/** How the bench bundles its pages: as a user's production build would, one minified script per page, in memory. */
export const pageBuildOptions = {
  bundle: true,
  minify: true,
  format: 'iife',
  platform: 'browser',
  target: 'es2022',
  jsx: 'automatic',
  write: false,
  logLevel: 'error',
} satisfies BuildOptions

/** The frameworks' production switches (`define`). */
export const productionDefines = {
  'process.env.NODE_ENV': '"production"',
  __VUE_OPTIONS_API__: 'false',
  __VUE_PROD_DEVTOOLS__: 'false',
  __VUE_PROD_HYDRATION_MISMATCH_DETAILS__: 'false',
}
