/**
 * A stand-in for `window.widgent` in unit tests (jsdom): it behaves as the widget documents, and
 * records what the kit did to it. End-to-end tests use the real emulator instead.
 *
 * @param {{ ready?: boolean }} [options] ready: true installs a widget that is already ready, so the
 *   kit's loader resolves without a script load; otherwise call `fireReady()`.
 */
export function installFakeWidget({ ready = true } = {}) {
  const widget = {
    inits: [],
    /** Every command the kit sent, in order: [name, ...args]. */
    commands: [],
    /** The last registered fetcher. */
    fetcher: undefined,
    registrations: 0,
    /** Every answer the widget received from a fetcher, in order of arrival. */
    answers: [],
    /** How often a fetcher threw or rejected (the widget then goes anonymous). The kit's never should. */
    throws: 0,
    /** Call the registered fetcher as the widget does (on registration, before expiry); records the answer. */
    async ask() {
      let answer = ''
      try {
        answer = await widget.fetcher()
      } catch {
        widget.throws++
      }
      widget.answers.push(answer)
      return answer
    },
    fireReady() {
      global.ready = true
      window.dispatchEvent(new Event('widgent:ready'))
    },
    uninstall() {
      delete window.widgent
    },
  }
  const global = (name, ...args) => {
    widget.commands.push([name, ...args])
    if (name === 'setIdentityTokenFetcher') {
      widget.fetcher = args[0]
      widget.registrations++
      // The widget calls a newly registered fetcher at once.
      void widget.ask()
    }
  }
  global.init = (config) => widget.inits.push(config)
  global.ready = ready
  window.widgent = global
  return widget
}
