import { randomBytes } from 'node:crypto'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { checkSettings } from './checkSettings'
import { DEMO_PRODUCT } from './DEMO_PRODUCT'
import { emptyLog, type EmulatorContext } from './EmulatorContext'
import { handleRequest } from './handleRequest'
import type { Emulator, EmulatorOptions, EmulatorProduct, EmulatorSettings, EmulatorSettingsChanges } from './types'

/** Starts a local stand-in for the Widgent service; resolves once it listens. */
export async function startEmulator({
  port = 0,
  host = '127.0.0.1',
  products = [DEMO_PRODUCT],
  tokenTtlSeconds = 3600,
  strict = false,
  weight = {},
  faults = false,
}: EmulatorOptions = {}): Promise<Emulator> {
  const closing = new AbortController()
  const ctx: EmulatorContext = {
    products: productMap(products),
    key: randomBytes(32),
    settings: checkSettings({ tokenTtlSeconds, strict, weight }) as EmulatorSettings,
    faultsEnabled: faults,
    faults: {},
    tokenFailuresLeft: 0,
    log: emptyLog(),
    closing: closing.signal,
  }
  const server = createServer((req, res) => void handleRequest(ctx, req, res))
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(port, host, () => resolve())
  })
  const address = server.address() as AddressInfo
  const hostname = address.family == 'IPv6' ? `[${address.address}]` : address.address
  const configure = (changes: EmulatorSettingsChanges) => {
    ctx.settings = { ...ctx.settings, ...checkSettings(changes) }
    return structuredClone(ctx.settings)
  }
  return {
    url: `http://${hostname}:${address.port}`,
    close() {
      closing.abort(new Error('The emulator closed.'))
      server.closeAllConnections()
      return new Promise((resolve) => server.close(() => resolve()))
    },
    log: () => structuredClone(ctx.log),
    setTokenTtl: (seconds) => void configure({ tokenTtlSeconds: seconds }),
    configure,
  }
}

function productMap(products: EmulatorProduct[]): Map<string, EmulatorProduct> {
  const map = new Map<string, EmulatorProduct>()
  for (const product of products) {
    if (map.has(checkProduct(product).productId))
      throw new TypeError(`Product "${product.productId}" is listed twice: give each product its own productId.`)
    map.set(product.productId, product)
  }
  return map
}

function checkProduct(product: EmulatorProduct): EmulatorProduct {
  const { productId, serviceKey, verificationSecret, origins } = product ?? ({} as EmulatorProduct)
  for (const [field, value] of Object.entries({ productId, serviceKey, verificationSecret })) {
    if (typeof value != 'string' || !value) throw new TypeError(`Each product needs a non-empty string ${field}.`)
  }
  if (!Array.isArray(origins) || !origins.every((origin) => typeof origin == 'string')) {
    throw new TypeError(`Product "${productId}" needs origins: an array such as ["http://localhost:*"].`)
  }
  return product
}
