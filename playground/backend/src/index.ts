export { startBackend } from './startBackend'
export type { Backend, BackendOptions, TokenRouteCall } from './startBackend'
export { DEMO_USERS } from '@widgent/test-utils/demo'
export type { TokenFaults } from './tokenFaults'
