export interface FakeWidgetOptions {
  /** Already ready (the kit finds it so) instead of waiting for `fireReady()`. Default true. */
  ready?: boolean
  /**
   * The vendor page's contract and nothing more: no `ready` property, and commands sent before
   * `widgent:ready` are dropped. Off: a `ready` flag, and commands queued until ready (the emulator's kindness).
   */
  strict?: boolean
  /** On `window.widgent` at once (default), or only once `install()` is called: a script that has not arrived yet. */
  onPage?: boolean
}

export interface FakeWidget {
  inits: Array<{ productId: string; serviceKey: string }>
  /** Every command the widget ran, in order: [name, ...args]. */
  commands: Array<[string, ...unknown[]]>
  /** Commands sent before ready that a strict widget dropped. */
  dropped: Array<[string, ...unknown[]]>
  /** The last registered fetcher. */
  fetcher: (() => Promise<string>) | undefined
  registrations: number
  /** Every answer the widget received from a fetcher, in order of arrival. */
  answers: string[]
  /** How often a fetcher threw or rejected (the widget then goes anonymous). The kit's never should. */
  throws: number
  /** Call the registered fetcher as the widget does (on registration, before expiry); records the answer. */
  ask(): Promise<string>
  /** Becomes ready: runs what it queued, then fires `widgent:ready`. */
  fireReady(): void
  /** Puts it on `window.widgent`, as the widget script does when it runs. */
  install(): void
  uninstall(): void
}

/**
 * A stand-in for `window.widgent` in unit tests (jsdom): it behaves as the vendor page documents (calls a newly
 * registered fetcher at once), and records what the kit did to it. End-to-end tests use the real emulator.
 */
export function installFakeWidget({ ready = true, strict = false, onPage = true }: FakeWidgetOptions = {}): FakeWidget {
  let isReady = ready
  const queued: Array<[string, ...unknown[]]> = []
  const run = (command: [string, ...unknown[]]) => {
    widget.commands.push(command)
    const [name, fetcher] = command
    if (name == 'setIdentityTokenFetcher') {
      widget.fetcher = fetcher as () => Promise<string>
      widget.registrations++
      void widget.ask()
    }
  }
  const widget: FakeWidget = {
    inits: [],
    commands: [],
    dropped: [],
    fetcher: undefined,
    registrations: 0,
    answers: [],
    throws: 0,
    async ask() {
      let answer = ''
      try {
        answer = await widget.fetcher!()
      } catch {
        widget.throws++
      }
      widget.answers.push(answer)
      return answer
    },
    fireReady() {
      isReady = true
      if (!strict) global.ready = true
      queued.splice(0).forEach(run)
      window.dispatchEvent(new Event('widgent:ready'))
    },
    install() {
      ;(window as { widgent?: WidgetGlobal }).widgent = global
    },
    uninstall() {
      delete (window as { widgent?: WidgetGlobal }).widgent
    },
  }
  const global = Object.assign(
    (...command: [string, ...unknown[]]) => {
      if (isReady) run(command)
      else (strict ? widget.dropped : queued).push(command)
    },
    { init: (config: { productId: string; serviceKey: string }) => void widget.inits.push(config) },
  ) as WidgetGlobal
  if (!strict) global.ready = ready
  if (onPage) widget.install()
  return widget
}

/** `window.widgent`, as the vendor page documents it (and the `ready` flag a lenient widget adds). */
interface WidgetGlobal {
  (command: string, ...args: unknown[]): void
  init(config: { productId: string; serviceKey: string }): void
  ready?: boolean
}
