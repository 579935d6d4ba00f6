import { build } from 'esbuild'
import { gzipSync } from 'node:zlib'
import { fileURLToPath } from 'node:url'
import type { Entry } from './entries'

/** Bundle an entry as a user's production build would (esbuild --bundle --minify --format=esm) and weigh it. */
export async function measure(entry: Entry): Promise<{ min: number; gz: number }> {
  const result = await build({
    stdin: { contents: entry.code, resolveDir: fileURLToPath(new URL('.', import.meta.url)), loader: 'js' },
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    write: false,
    external: entry.external,
    logLevel: 'silent',
  })
  const code = result.outputFiles[0]!.contents
  return { min: code.length, gz: gzipSync(code, { level: 9 }).length }
}
