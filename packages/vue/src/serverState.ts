import type { WidgentState } from '@widgent/core'

/**
 * The state a client starts in, as `WidgentPlugin` first found one before starting it: what a server render shows
 * (the server never starts a client). A component that Vue hydrates shows it until it has mounted, so hydration
 * finds what the server sent.
 */
export const serverState: { s?: WidgentState } = {}
