import type { EmulatorProduct } from './types'

/** The product the emulator serves when none are configured; any localhost page may use it. */
export const DEMO_PRODUCT: Readonly<EmulatorProduct> = Object.freeze({
  productId: 'demo-product',
  serviceKey: 'demo-service-key',
  verificationSecret: 'demo-verification-secret',
  origins: Object.freeze(['http://localhost:*', 'http://127.0.0.1:*']) as string[],
})
