/// <reference types="node" />
import { flush, installFakeWidget, jwt, subOf, uniqueProduct } from '@widgent/test-utils'
import { describe, expect, it, vi } from 'vitest'

// The built files, as users get them: the build's own steps (the __DEV__ replacement among them) must not change
// what the code does. The rest of the suite runs the source.
describe.each(['index.js', 'index.cjs'])('dist/%s', (file) => {
  it('signs in, switches and signs out as the source does, in development and production builds', async () => {
    for (const mode of ['development', 'production']) {
      vi.stubEnv('NODE_ENV', mode)
      vi.resetModules()
      const kit: typeof import('../index') = await import(/* @vite-ignore */ `../../dist/${file}`)
      const widget = installFakeWidget({ ready: true, strict: true })
      const client = kit.createWidgent({
        productId: uniqueProduct(),
        serviceKey: 'k',
        load: 'eager',
        fetchToken: async (user) => jwt(user.id),
      })
      client.mount()
      client.setUser({ id: 'ada' })
      await flush()
      client.setUser({ id: 'grace' })
      await flush()
      client.setUser(null)
      await flush()
      expect(widget.answers.map(subOf)).toEqual(['ada', '', 'grace', ''])
      expect(() => client.setUser({ id: 7 } as never)).toThrow(
        expect.objectContaining({
          code: 'config',
          message:
            mode == 'production'
              ? expect.not.stringContaining('setUser takes')
              : expect.stringContaining('setUser takes'),
        }),
      )
      client.destroy()
      vi.unstubAllEnvs()
    }
  })
})

describe('internal property names in what ships', () => {
  it('are renamed in every output, from the committed mangle.json that names each one the source uses', async () => {
    const { readFileSync, readdirSync } = await import('node:fs')
    // Paths from the package's folder, where the test runs.
    const read = (path: string) => readFileSync(path, 'utf8')
    const cache = JSON.parse(read('mangle.json')) as Record<string, string>
    const used = new Set<string>()
    for (const file of readdirSync('src', { recursive: true }) as string[]) {
      if (file.endsWith('.ts') && !file.includes('__tests__'))
        for (const [, name] of read(`src/${file}`).matchAll(/[.\s{,](_[a-z]\w*)\b/g)) used.add(name!)
    }
    expect([...used].sort()).toEqual(Object.keys(cache))
    for (const file of ['index.js', 'index.cjs', 'launcher.js', 'launcher.cjs'])
      expect(read(`dist/${file}`)).not.toMatch(/\._[a-z]/)
  })
})
