export { TOKEN_REQUEST_LIMITS, validateTokenRequest } from './validateTokenRequest'
export type { TokenRequest, UserMetadata, Validated } from './validateTokenRequest'
export type { WidgentUser } from './WidgentUser'
