import { build } from 'esbuild'
import { fileURLToPath } from 'node:url'
import { svelteEsbuildPlugin } from '@widgent/test-utils/svelteEsbuildPlugin'
import { pageBuildOptions, productionDefines } from '../pageBuildOptions'
import { FRAMEWORKS, bundleName, type BundleKind } from './variants'

const KINDS: Record<BundleKind, { kit: boolean; facade: boolean }> = {
  plain: { kit: false, facade: false },
  kit: { kit: true, facade: false },
  facade: { kit: true, facade: true },
}

/**
 * Every page-load bundle, as an app's production build would make it (minified, against the built packages): per
 * framework, the page alone, with the kit, and with the kit and its launcher facade. The kit and the facade are
 * `define`d in or out, so a bundle holds only what its variant uses. In memory, by `bundleName`.
 */
export async function bundlePages(): Promise<Record<string, string>> {
  const pages = fileURLToPath(new URL('pages/', import.meta.url))
  const bundles: Record<string, string> = {}
  await Promise.all(
    FRAMEWORKS.flatMap((framework) =>
      Object.entries(KINDS).map(async ([kind, { kit, facade }]) => {
        const result = await build({
          entryPoints: [`${pages}${framework}.${framework == 'react' ? 'tsx' : 'ts'}`],
          ...pageBuildOptions,
          define: { __KIT__: String(kit), __FACADE__: String(facade), ...productionDefines },
          plugins: [svelteEsbuildPlugin],
        })
        bundles[bundleName(framework, kind as BundleKind)] = result.outputFiles[0]!.text
      }),
    ),
  )
  return bundles
}
