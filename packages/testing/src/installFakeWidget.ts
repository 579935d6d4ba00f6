export interface FakeWidgetOptions {
  /** Ready when the kit finds it (default), or not until `fireReady()`: a widget still checking in with its service. */
  ready?: boolean
  /**
   * Add what the vendor page does not document but a widget build may offer: a `window.widgent.ready` flag, and
   * commands sent before `widgent:ready` queued and run once ready. Off (default): the page's contract only, and
   * such commands are dropped (see `dropped`).
   */
  lenient?: boolean
  /** On `window.widgent` at once (default), or only once `install()` is called: a widget script that has not run yet. */
  onPage?: boolean
}

/** One command as the page sent it: `[name, ...args]`. */
export type WidgetCommand = [name: string, ...args: unknown[]]

export interface FakeWidget {
  /** The token the widget holds now: the last answer a fetcher gave, `''` for anonymous; `undefined` before any. */
  readonly token: string | undefined
  /** Every answer a fetcher gave, in order of arrival (`''` when it threw). */
  answers: string[]
  /** How many times a fetcher was registered (`setIdentityTokenFetcher`): each one makes the widget ask at once. */
  registrations: number
  /** The fetcher registered last. */
  fetcher: (() => Promise<string>) | undefined
  /** Every command the widget ran, in order, registrations included. */
  commands: WidgetCommand[]
  /** Commands sent before ready that the widget dropped (not `lenient`), as the vendor page allows. */
  dropped: WidgetCommand[]
  /** Every `window.widgent.init` call. The kit never calls it on a widget the page put there: expect none then. */
  inits: Array<{ productId: string; serviceKey: string }>
  /** How often a fetcher threw or rejected (the widget then holds `''`). The kit's never does. */
  throws: number
  /** Calls the registered fetcher, as the widget does on registration and before the token expires; resolves its answer. */
  ask(): Promise<string>
  /** Becomes ready: runs what it queued (`lenient`), then fires `widgent:ready` on `window` (again, if already ready). */
  fireReady(): void
  /**
   * Resolves once the widget holds `token` (`''`: anonymous), at once if it already does; rejects after `timeout` ms
   * (default 4000: a busy CI machine is slow, not red, and it still fails before a test runner's own 5 s with this
   * message) saying what it holds instead.
   */
  waitForToken(token: string, options?: { timeout?: number }): Promise<void>
  /** Puts it on `window.widgent`, as the widget script does when it runs. */
  install(): void
  /** Takes it off `window.widgent` (only if it is still there). */
  uninstall(): void
}

/** `window.widgent` as the vendor page documents it, plus the `ready` flag a lenient widget adds. */
interface WidgetGlobal {
  (name: string, ...args: unknown[]): void
  init(config: { productId: string; serviceKey: string }): void
  ready?: boolean
}

type Page = { widgent?: WidgetGlobal }

/**
 * A stand-in for the Widgent widget in unit tests (jsdom, happy-dom): it goes on `window.widgent` before the app
 * renders, so the kit joins it (and never loads a script: no network), behaves as the vendor page documents (calls
 * a newly registered fetcher at once) and records what it was told. It decodes nothing: a token is whatever the
 * app's `fetchToken` returned.
 */
export function installFakeWidget({
  ready = true,
  lenient = false,
  onPage = true,
}: FakeWidgetOptions = {}): FakeWidget {
  const page = () => {
    if (typeof window == 'undefined') {
      throw new Error(
        'installFakeWidget needs a DOM: run this test in jsdom or happy-dom (vitest: environment: "jsdom").',
      )
    }
    return window as Page
  }
  page()
  let isReady = ready
  const queued: WidgetCommand[] = []
  const heard = new Set<() => void>()

  const run = (command: WidgetCommand) => {
    widget.commands.push(command)
    if (command[0] == 'setIdentityTokenFetcher') {
      widget.fetcher = command[1] as () => Promise<string>
      widget.registrations++
      void widget.ask()
    }
  }

  const global: WidgetGlobal = Object.assign(
    (...command: WidgetCommand) => {
      if (isReady) run(command)
      else (lenient ? queued : widget.dropped).push(command)
    },
    { init: (config: { productId: string; serviceKey: string }) => void widget.inits.push(config) },
  )
  if (lenient) global.ready = ready

  const widget: FakeWidget = {
    get token() {
      return widget.answers.at(-1)
    },
    answers: [],
    registrations: 0,
    fetcher: undefined,
    commands: [],
    dropped: [],
    inits: [],
    throws: 0,
    async ask() {
      const fetcher = widget.fetcher
      if (!fetcher) throw new Error('No fetcher registered yet: the kit registers one once the widget is ready.')
      let answer = ''
      try {
        answer = await fetcher()
      } catch {
        widget.throws++
      }
      widget.answers.push(answer)
      heard.forEach((listener) => listener())
      return answer
    },
    fireReady() {
      isReady = true
      if (lenient) global.ready = true
      queued.splice(0).forEach(run)
      window.dispatchEvent(new Event('widgent:ready'))
    },
    waitForToken(token, { timeout = 4000 } = {}) {
      // Made here, so a failure points at the test line that waited.
      const error = new Error()
      return new Promise((resolve, reject) => {
        const stop = () => {
          clearTimeout(timer)
          heard.delete(check)
        }
        const check = () => {
          if (widget.token !== token) return
          stop()
          resolve()
        }
        const timer = setTimeout(() => {
          stop()
          error.message = `The widget holds ${describe(widget.token)}, not ${describe(token)}, after ${timeout} ms (answers: ${JSON.stringify(widget.answers)}). Did the app tell the kit who is signed in, and does its fetchToken return that token?`
          reject(error)
        }, timeout)
        heard.add(check)
        check()
      })
    },
    install() {
      page().widgent = global
    },
    uninstall() {
      if (page().widgent === global) delete page().widgent
    },
  }
  if (onPage) widget.install()
  return widget
}

const describe = (token: string | undefined) =>
  token === undefined ? 'no token yet' : token === '' ? "'' (anonymous)" : JSON.stringify(token)
