export interface FakeWidget {
  inits: Array<{ productId: string; serviceKey: string }>
  /** Every command the kit sent, in order: [name, ...args]. */
  commands: Array<[string, ...unknown[]]>
  /** The last registered fetcher. */
  fetcher: (() => Promise<string>) | undefined
  registrations: number
  /** Every answer the widget received from a fetcher, in order of arrival. */
  answers: string[]
  /** How often a fetcher threw or rejected (the widget then goes anonymous). The kit's never should. */
  throws: number
  /** Call the registered fetcher as the widget does; records the answer. */
  ask(): Promise<string>
  fireReady(): void
  uninstall(): void
}

export function installFakeWidget(options?: { ready?: boolean }): FakeWidget
