import { build } from 'esbuild'
import { fileURLToPath } from 'node:url'
import { pageBuildOptions, productionDefines } from '../pageBuildOptions'

export const PAGES = ['core', 'react', 'vue', 'svelte', 'vendor'] as const
export type PageName = (typeof PAGES)[number]

/**
 * Each bench page bundled as a user's production build would be, against the built packages (`packages/* /dist`,
 * through their package.json exports): one minified script per page, kept in memory.
 */
export async function bundlePages(): Promise<Record<PageName, string>> {
  const pages = fileURLToPath(new URL('pages/', import.meta.url))
  const result = await build({
    entryPoints: Object.fromEntries(PAGES.map((name) => [name, `${pages}${name}.${name == 'react' ? 'tsx' : 'ts'}`])),
    ...pageBuildOptions,
    define: productionDefines,
    outdir: '/',
  })
  return Object.fromEntries(result.outputFiles.map((file) => [file.path.slice(1, -3), file.text])) as Record<
    PageName,
    string
  >
}
