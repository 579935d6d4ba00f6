import { build } from 'esbuild'
import { gzipSync } from 'node:zlib'
import { fileURLToPath } from 'node:url'
import { angularBuild } from './angularBuild'
import type { Entry } from './entries'

/**
 * Bundle an entry as a user's production build would (esbuild --bundle --minify --format=esm) and weigh it; with a
 * `baseline`, weigh what the entry adds to it.
 */
export async function measure(entry: Entry): Promise<{ min: number; gz: number }> {
  // An Angular library goes through the Angular CLI's transform first, as `ng build` puts it in an app.
  const angular = entry.angular ? angularBuild() : undefined
  try {
    const { min, gz } = await weigh(entry.code, entry.external, angular)
    if (!entry.baseline) return { min, gz }
    const baseline = await weigh(entry.baseline, entry.external, angular)
    return { min: min - baseline.min, gz: gz - baseline.gz }
  } finally {
    await angular?.close()
  }
}

async function weigh(
  contents: string,
  external: string[],
  angular?: ReturnType<typeof angularBuild>,
): Promise<{ min: number; gz: number }> {
  const result = await build({
    plugins: angular?.plugins,
    define: angular?.define,
    pure: angular?.pure,
    stdin: { contents, resolveDir: fileURLToPath(new URL('.', import.meta.url)), loader: 'js' },
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    write: false,
    external,
    logLevel: 'silent',
  })
  const code = angular
    ? Buffer.from(angular.withoutAngular(result.outputFiles[0]!.text))
    : result.outputFiles[0]!.contents
  return { min: code.length, gz: gzipSync(code, { level: 9 }).length }
}
