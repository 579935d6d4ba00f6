// @vitest-environment happy-dom
import { createWidgent } from '@widgent/core'
import { expect, it } from 'vitest'
import { installFakeWidget } from './index'

it("works in happy-dom: the kit joins the fake widget and it holds the signed-in user's token", async () => {
  const widget = installFakeWidget()
  const client = createWidgent({
    productId: 'happy-dom',
    serviceKey: 'key',
    fetchToken: async (user) => `token-${user.id}`,
  })
  const unmount = client.mount()
  client.setUser({ id: 'grace' })
  await widget.waitForToken('token-grace')
  expect(widget.registrations).toBe(1)
  expect(document.querySelectorAll('script')).toHaveLength(0)
  unmount()
  widget.uninstall()
})
