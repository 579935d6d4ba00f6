import { createContext } from 'react'
import type { WidgentClient } from '@widgent/core'

/** The client of the nearest `<WidgentProvider>`; `null` outside one. */
export const WidgentContext = createContext<WidgentClient | null>(null)
