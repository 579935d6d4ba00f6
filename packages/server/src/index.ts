export { createUserToken, DEFAULT_API_URL } from './createUserToken'
export { widgentTokenHandler } from './widgentTokenHandler'
export { widgentTokenRoute } from './widgentTokenRoute'
export { WidgentApiError, type WidgentApiErrorCode } from './WidgentApiError'
export { TOKEN_REQUEST_LIMITS } from '@widgent/token-request'
export type {
  CreateUserTokenInput,
  CreateUserTokenOptions,
  TokenRouteOptions,
  TokenSourceOptions,
  UserMetadata,
  UserToken,
  WidgentUser,
} from './types'
