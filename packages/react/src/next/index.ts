export { WidgentProvider } from './WidgentProvider'
export type { WidgentProviderProps } from './WidgentProvider'
export { configureWidgent } from './configureWidgent'
export type { WidgentCallbacks } from './configureWidgent'
// Named, not `export *`: Next.js refuses `export *` in a client module.
export { useWidgent, useWidgentIdentity, WidgentLauncher } from '@widgent/react'
export type { WidgentLauncherProps } from '@widgent/react'
export type { WidgentClient, WidgentErrorCode, WidgentOptions, WidgentState, WidgentUser } from '@widgent/core'
