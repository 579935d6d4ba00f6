import { useEffect, useState, type ReactNode } from 'react'
import { createWidgent, type WidgentOptions } from '@widgent/core'
import { WidgentContext } from './WidgentContext'

export interface WidgentProviderProps extends WidgentOptions {
  children?: ReactNode
}

/** Creates the Widgent client once and runs it while mounted. Options are read on the first render only. */
export function WidgentProvider({ children, ...options }: WidgentProviderProps) {
  // Created once: inline options and callbacks that change identity on every render re-create nothing.
  const [client] = useState(() => createWidgent(options))
  // The core counts mounts, so StrictMode's mount, unmount, mount ends with one running client.
  useEffect(() => client.mount(), [client])
  return <WidgentContext.Provider value={client}>{children}</WidgentContext.Provider>
}
