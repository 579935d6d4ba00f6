import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { transform } from 'esbuild'
import { dirname, resolve } from 'node:path'
import replace from '@rollup/plugin-replace'
import esbuild from 'rollup-plugin-esbuild'
import dts from 'rollup-plugin-dts'

/**
 * The build every package shares: ESM + CJS with sourcemaps, and one bundled
 * declaration file per format (`.d.ts` for import, `.d.cts` for require).
 * Dependencies and peers stay external, so each package ships only its own code.
 */
// Development-only text (error details): bundlers drop it from production builds, as they do React's. No parentheses
// around the check: a line that starts with `__DEV__ &&` would then continue the statement above it (no ASI before `(`).
const dev = replace({ preventAssignment: true, values: { __DEV__: "process.env.NODE_ENV !== 'production'" } })

// `import text from './file.js?raw'` inlines the file's text, as vitest does natively, so a package can keep a
// non-module source (the emulator's widget script) readable beside its code.
const raw = {
  name: 'widgent-raw',
  resolveId: (id, importer) => (id.endsWith('?raw') && importer ? resolve(dirname(importer), id) : null),
  load(id) {
    if (!id.endsWith('?raw')) return null
    const file = id.slice(0, -'?raw'.length)
    this.addWatchFile(file)
    return `export default ${JSON.stringify(readFileSync(file, 'utf8'))}`
  },
}

/**
 * Readable names in the source, short ones in what ships (Preact's way): internal properties are written `_likeThis`
 * and renamed in each output from a committed cache, `mangle.json`, so every entry and format agrees on each name.
 * A new internal property is added to the cache by the build (commit it); a public name never starts with `_`.
 */
const mangle = (file) => ({
  name: 'widgent-mangle',
  async renderChunk(code) {
    const cache = existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : {}
    const result = await transform(code, { mangleProps: /^_[a-z]/, mangleCache: cache, sourcemap: true, loader: 'js' })
    const names = Object.fromEntries(Object.entries(result.mangleCache).sort(([a], [b]) => a.localeCompare(b)))
    if (JSON.stringify(names) != JSON.stringify(cache)) writeFileSync(file, JSON.stringify(names, null, 2) + '\n')
    return { code: result.code, map: result.map }
  },
})

/**
 * `mangle`: rename internal `_properties` in what ships (see `mangle` above), from the package's `mangle.json`.
 * `bin` builds one more entry, `dist/cli.js` (ESM, executable, no types), for a package's command. `name` is the
 * output's file name (`dist/<name>.js`, `.cjs`, `.d.ts`, `.d.cts`), for a package's second entry (a subpath export).
 * `typesFrom`: packages whose types the declaration files copy in (a type-only devDependency, so users need not install it).
 */
export function defineConfig({
  input = 'src/index.ts',
  name = 'index',
  banner,
  platform = 'browser',
  bin,
  mangle: mangled = false,
  typesFrom = [],
} = {}) {
  const external = (id) => !id.startsWith('.') && !id.startsWith('/') && !id.startsWith('\0')
  const typesExternal = (id) => external(id) && !typesFrom.includes(id)
  const output = (file, format) => ({ file, format, sourcemap: true, banner })
  const plugins = [raw, dev, esbuild({ target: platform === 'node' ? 'node20' : 'es2022', platform })]
  const cli = bin && {
    input: bin,
    external,
    plugins,
    output: { file: 'dist/cli.js', format: 'es', sourcemap: true, banner: '#!/usr/bin/env node' },
  }
  return [
    {
      input,
      external,
      plugins: mangled ? [...plugins, mangle('mangle.json')] : plugins,
      output: [output(`dist/${name}.js`, 'es'), output(`dist/${name}.cjs`, 'cjs')],
      // a banner such as 'use client' is a module directive rollup would otherwise warn about
      onwarn(warning, warn) {
        if (warning.code !== 'MODULE_LEVEL_DIRECTIVE') warn(warning)
      },
    },
    {
      input,
      external: typesExternal,
      plugins: [dts({ includeExternal: typesFrom })],
      output: [
        { file: `dist/${name}.d.ts`, format: 'es' },
        { file: `dist/${name}.d.cts`, format: 'es' },
      ],
    },
    ...(cli ? [cli] : []),
  ]
}
