export { startBackend } from './startBackend'
export type { Backend, BackendOptions, TokenRequest } from './startBackend'
export { DEMO_USERS } from './DEMO_USERS'
export type { TokenFaults } from './tokenFaults'
