export { startEmulator } from './startEmulator'
export { DEMO_PRODUCT } from './DEMO_PRODUCT'
// The token endpoint's rules have one source: the checks @widgent/server makes before it sends (bundled in).
export { TOKEN_REQUEST_LIMITS } from '../../server/src/validateTokenRequest'
export { MAX_BODY_BYTES } from './readJsonBody'
export type { Emulator, EmulatorFaults, EmulatorLog, EmulatorOptions, EmulatorProduct, UserMetadata } from './types'
