export { startEmulator } from './startEmulator'
export { DEMO_PRODUCT } from './DEMO_PRODUCT'
// The token endpoint's rules have one source, shared with @widgent/server.
export { TOKEN_REQUEST_LIMITS } from '@widgent/token-request'
export { MAX_BODY_BYTES } from './readJsonBody'
export type {
  Emulator,
  EmulatorFaults,
  EmulatorLog,
  EmulatorOptions,
  EmulatorProduct,
  EmulatorSettings,
  EmulatorSettingsChanges,
  EmulatorWeight,
  UserMetadata,
} from './types'
