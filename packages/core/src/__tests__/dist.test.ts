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
      const client = kit.createWidgent({ productId: uniqueProduct(), serviceKey: 'k', fetchToken: async (user) => jwt(user.id) })
      client.mount()
      client.setUser({ id: 'ada' })
      await flush()
      client.setUser({ id: 'grace' })
      await flush()
      client.setUser(null)
      await flush()
      expect(widget.answers.map(subOf)).toEqual(['ada', '', 'grace', ''])
      expect(() => client.setUser({ id: 7 } as never)).toThrow(expect.objectContaining({ code: 'config', message: mode == 'production' ? expect.not.stringContaining('setUser takes') : expect.stringContaining('setUser takes') }))
      client.destroy()
      vi.unstubAllEnvs()
    }
  })
})
