import esbuild from 'rollup-plugin-esbuild'
import dts from 'rollup-plugin-dts'

/**
 * The build every package shares: ESM + CJS with sourcemaps, and one bundled
 * declaration file per format (`.d.ts` for import, `.d.cts` for require).
 * Dependencies and peers stay external, so each package ships only its own code.
 */
// Development-only text (error details): bundlers drop it from production builds, as they do React's.
const dev = {
  name: 'widgent-dev',
  transform: (code) => ({ code: code.replaceAll('__DEV__', "(process.env.NODE_ENV !== 'production')"), map: null }),
}

export function defineConfig({ input = 'src/index.ts', banner, platform = 'browser' } = {}) {
  const external = (id) => !id.startsWith('.') && !id.startsWith('/') && !id.startsWith('\0')
  const output = (file, format) => ({ file, format, sourcemap: true, banner })
  return [
    {
      input,
      external,
      plugins: [dev, esbuild({ target: platform === 'node' ? 'node20' : 'es2022', platform })],
      output: [output('dist/index.js', 'es'), output('dist/index.cjs', 'cjs')],
      // a banner such as 'use client' is a module directive rollup would otherwise warn about
      onwarn(warning, warn) {
        if (warning.code !== 'MODULE_LEVEL_DIRECTIVE') warn(warning)
      },
    },
    {
      input,
      external,
      plugins: [dts()],
      output: [
        { file: 'dist/index.d.ts', format: 'es' },
        { file: 'dist/index.d.cts', format: 'es' },
      ],
    },
  ]
}
