import { build } from 'esbuild'
import { gzipSync } from 'node:zlib'
import { fileURLToPath } from 'node:url'
import type { Entry } from './entries'

/**
 * Bundle an entry as a user's production build would (esbuild --bundle --minify --format=esm) and weigh it; with a
 * `baseline`, weigh what the entry adds to it.
 */
export async function measure(entry: Entry): Promise<{ min: number; gz: number }> {
  const { min, gz } = await weigh(entry.code, entry.external)
  if (!entry.baseline) return { min, gz }
  const baseline = await weigh(entry.baseline, entry.external)
  return { min: min - baseline.min, gz: gz - baseline.gz }
}

async function weigh(contents: string, external: string[]): Promise<{ min: number; gz: number }> {
  const result = await build({
    stdin: { contents, resolveDir: fileURLToPath(new URL('.', import.meta.url)), loader: 'js' },
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    write: false,
    external,
    logLevel: 'silent',
  })
  const code = result.outputFiles[0]!.contents
  return { min: code.length, gz: gzipSync(code, { level: 9 }).length }
}
