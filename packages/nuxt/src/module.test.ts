import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { loadNuxt } from '@nuxt/kit'
import type { NuxtConfig } from '@nuxt/schema'
import type { Nitro } from 'nitropack'
import { afterAll, describe, expect, it, vi } from 'vitest'
import widgent, { type ModuleOptions } from './module'

// Nuxt is found from its root; what it would write goes to a temporary folder.
const root = fileURLToPath(new URL('./test/', import.meta.url))
const buildDir = mkdtempSync(join(tmpdir(), 'widgent-nuxt-'))
afterAll(() => rmSync(buildDir, { recursive: true, force: true }))

/** A real Nuxt with the module, set up as `nuxi build` would set it up (no build), and what the module gave it. */
async function setUp(options: ModuleOptions, config: NuxtConfig = {}) {
  const nuxt = await loadNuxt({
    cwd: root,
    overrides: {
      buildDir,
      modules: [widgent],
      widgent: options,
      telemetry: false,
      devtools: { enabled: false },
      ...config,
    } as NuxtConfig,
  })
  let nitro: Nitro | undefined
  // A hook of Nuxt's Nitro builder: its types come with @nuxt/nitro-server.
  ;(nuxt.hook as (name: string, hook: (nitro: Nitro) => void) => void)(
    'nitro:init',
    (created) => void (nitro = created),
  )
  await nuxt.ready()
  const imports: Array<{ name: string; from: string }> = []
  await nuxt.callHook('imports:extend', imports as never)
  const components: Array<{ pascalName: string; export: string; filePath: string }> = []
  await nuxt.callHook('components:extend', components as never)
  const vite = {} as { optimizeDeps?: { include?: string[] } }
  await nuxt.callHook('vite:extend', { nuxt, config: vite } as never)
  const serverImports = (nitro!.options.imports || { imports: [] }).imports!.filter(
    (entry) => entry.name == 'defineWidgentTokenHandler',
  )
  const { runtimeConfig, plugins, build } = nuxt.options
  await nuxt.close()
  return {
    runtimeConfig,
    plugins,
    transpile: build.transpile,
    imports,
    components,
    serverImports,
    vite,
    nitroRuntimeConfig: nitro!.options.runtimeConfig,
  }
}

describe('the @widgent/nuxt module', () => {
  it('writes the browser options to public runtime config and the server ones to private, with every key set', async () => {
    const { runtimeConfig } = await setUp({
      productId: 'p',
      serviceKey: 'k',
      loadTimeoutMs: 5000,
      apiUrl: 'http://127.0.0.1:1',
      verificationSecret: 'shh',
    })
    expect(runtimeConfig.public.widgent).toEqual({
      productId: 'p',
      serviceKey: 'k',
      scriptUrl: '',
      tokenEndpoint: '/api/widgent-token',
      loadTimeoutMs: 5000,
    })
    expect(runtimeConfig.widgent).toEqual({ apiUrl: 'http://127.0.0.1:1', verificationSecret: 'shh' })
    // Nothing server-only reaches what pages get.
    expect(JSON.stringify(runtimeConfig.public)).not.toMatch(/shh|apiUrl|verificationSecret/)
  })

  it("keeps every key even with no options, so NUXT_ variables can fill them; the app's own runtimeConfig wins", async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {})
    const { runtimeConfig } = await setUp(
      {},
      { runtimeConfig: { public: { widgent: { scriptUrl: 'http://127.0.0.1:4010/widget.js' } } } },
    )
    expect(runtimeConfig.public.widgent).toEqual({
      productId: '',
      serviceKey: '',
      scriptUrl: 'http://127.0.0.1:4010/widget.js',
      tokenEndpoint: '/api/widgent-token',
    })
    expect(runtimeConfig.widgent).toEqual({ apiUrl: '', verificationSecret: '' })
  })

  it('adds the plugin, the auto-imports (useWidgent, useWidgentIdentity, <WidgentLauncher>; defineWidgentTokenHandler on the server) and the Vite prebundle', async () => {
    const { plugins, transpile, imports, components, serverImports, vite } = await setUp({
      productId: 'p',
      serviceKey: 'k',
    })
    expect(components.filter((component) => component.pascalName.startsWith('Widgent'))).toMatchObject([
      { pascalName: 'WidgentLauncher', export: 'WidgentLauncher', filePath: '@widgent/vue' },
    ])
    expect(plugins.map((plugin) => (typeof plugin == 'string' ? plugin : plugin.src))).toContainEqual(
      expect.stringMatching(/[\\/]runtime[\\/]plugin(\.\w+)?$/),
    )
    expect(imports).toEqual([
      { name: 'useWidgent', from: expect.stringMatching(/runtime[\\/]composables$/) },
      { name: 'useWidgentIdentity', from: expect.stringMatching(/runtime[\\/]composables$/) },
    ])
    expect(serverImports).toMatchObject([
      {
        name: 'defineWidgentTokenHandler',
        from: expect.stringMatching(/runtime[\\/]server[\\/]defineWidgentTokenHandler$/),
      },
    ])
    expect(transpile).toContainEqual(expect.stringMatching(/runtime$/))
    expect(vite.optimizeDeps?.include).toEqual([
      '@widgent/nuxt > @widgent/vue',
      '@widgent/nuxt > @widgent/vue > @widgent/core',
    ])
  })

  it('warns at build time when no product is set anywhere', async () => {
    // Consola, Nuxt's logger, writes to stderr.
    const stderr = vi.spyOn(process.stderr, 'write').mockImplementation(() => true)
    const warned = () => stderr.mock.calls.map(([text]) => String(text)).join('')
    await setUp({ productId: 'p', serviceKey: 'k' })
    expect(warned()).not.toMatch(/Widgent/)
    await setUp({})
    expect(warned()).toMatch(/No Widgent product: set widgent.productId .* NUXT_PUBLIC_WIDGENT_PRODUCT_ID/)
  })
})
