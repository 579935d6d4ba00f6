import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { onTestFinished } from 'vitest'
import { DEMO_PRODUCT, mintToken } from '@widgent/test-utils/emulator'
import { vendorSnippet } from '@widgent/test-utils/vendorSnippet'

/**
 * A site on its own loopback port, as the vendor page has one built: `GET /api/widgent-token` answers a token for
 * `ada-1` from the emulator, and `/` is a page that loads the widget and runs the vendor's documented
 * snippet. Closed when the test finishes; resolves its port.
 */
export async function serveVendorPage(emulatorUrl: string): Promise<number> {
  const server = createServer(async (req, res) => {
    if (req.url == '/api/widgent-token') {
      res.writeHead(200, { 'Content-Type': 'application/json' })
      return void res.end(JSON.stringify({ token: (await mintToken(emulatorUrl)).token }))
    }
    res.writeHead(200, { 'Content-Type': 'text/html' })
    res.end(
      `<!doctype html><title>page</title><script src="${emulatorUrl}/widget.js"></script><script>${vendorSnippet(DEMO_PRODUCT.productId, DEMO_PRODUCT.serviceKey)}</script>`,
    )
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  onTestFinished(() => new Promise<void>((resolve) => server.close(() => resolve())))
  return (server.address() as AddressInfo).port
}
