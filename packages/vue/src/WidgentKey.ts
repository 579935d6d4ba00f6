import type { InjectionKey } from 'vue'
import type { WidgentClient } from '@widgent/core'

/** Where `WidgentPlugin` provides the client: `inject(WidgentKey)`, or `provide(WidgentKey, client)` in tests. */
export const WidgentKey: InjectionKey<WidgentClient> = Symbol('widgent')
