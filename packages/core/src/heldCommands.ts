export type Command = [name: string, ...args: unknown[]]

export interface HeldCommands {
  /** Keep `command` until `release`; the same name with the same arguments, already waiting, is kept once (a double click). */
  _hold(command: Command): void
  /** Hand every command kept to `send`, in order, and keep none. */
  _release(send: (...command: Command) => void): void
  /** Keep none: the client is destroyed. */
  _clear(): void
}

/** The app's commands while the widget is not ready: the kit holds them, since the vendor page promises no queue. */
export function createHeldCommands(): HeldCommands {
  const held: Command[] = []
  return {
    _hold(command) {
      if (!held.some((waiting) => sameCommand(waiting, command))) held.push(command)
    },
    _release: (send) => held.splice(0).forEach((command) => send(...command)),
    _clear: () => void held.splice(0),
  }
}

/** The same name and the same arguments. */
const sameCommand = (a: Command, b: Command) => a.length == b.length && a.every((part, index) => part === b[index])
