export { createWidgent } from './createWidgent'
export { loadWidgent } from './loadWidgent'
export { DEFAULT_SCRIPT_URL } from './constants'
export { WidgentError } from './WidgentError'
export type { WidgentErrorCode } from './WidgentError'
export type { Store } from './createStore'
export type {
  WidgentClient,
  WidgentGlobal,
  WidgentLoadOptions,
  WidgentOptions,
  WidgentState,
  WidgentUser,
} from './types'
