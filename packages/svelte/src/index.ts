export { createWidgent } from './createWidgent'
export type { Widgent } from './createWidgent'
export { getWidgentContext, setWidgentContext } from './widgentContext'
export type { WidgentClient, WidgentErrorCode, WidgentOptions, WidgentState, WidgentUser } from '@widgent/core'
