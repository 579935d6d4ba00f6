import { runInNewContext } from 'node:vm'
import { build, type BuildOptions } from 'esbuild'
import { describe, expect, it } from 'vitest'

/** Bundles `code` that imports @widgent/server the way an app's bundler would. */
const bundle = (code: string, options: BuildOptions) =>
  build({
    stdin: { contents: code, resolveDir: import.meta.dirname },
    bundle: true,
    write: false,
    logLevel: 'silent',
    format: 'esm',
    ...options,
  })

const USE = "import { createUserToken } from '@widgent/server'; export default createUserToken"

describe('@widgent/server never lands in a browser bundle by accident', () => {
  it('fails a browser build that imports it', async () => {
    const failure = await bundle(USE, { platform: 'browser' }).catch(
      (error: { errors: Array<{ text: string; location: { file: string } | null }> }) => error,
    )
    expect(failure).toHaveProperty('errors')
    const [error] = (failure as { errors: Array<{ text: string; location: { file: string } | null }> }).errors
    expect(error!.text).toMatch(/No matching export .*browser\.js/)
  })

  it('throws a clear error at once if a browser bundle pulls it in only for its side effects', async () => {
    const result = await bundle("import '@widgent/server'", { platform: 'browser', format: 'iife' })
    expect(() => runInNewContext(result.outputFiles![0]!.text)).toThrow(/runs on your server only/)
  })

  it.each([
    ['Node', { platform: 'node' }],
    ['Cloudflare Workers', { platform: 'browser', conditions: ['workerd', 'worker', 'browser'] }],
    ['the Next.js edge runtime', { platform: 'browser', conditions: ['edge-light', 'worker', 'browser'] }],
  ] as Array<[string, BuildOptions]>)('bundles for %s', async (_, options) => {
    const result = await bundle(USE, options)
    expect(result.outputFiles![0]!.text).toContain('/v1/auth/user-token')
  })
})
