declare global {
  interface Window {
    leakProbe: {
      /** Timers pending now (set and not yet run or cleared) that the page's own code set: the widget's are not counted. */
      timers(): number
      /** BroadcastChannels opened and not closed. */
      channels(): number
    }
  }
}

/**
 * An init script: counts the timers the page's own code leaves pending and the BroadcastChannels it leaves open. A
 * timer belongs to whoever called `setTimeout`/`setInterval` (the frame below the wrapper): the emulator's widget
 * keeps its own for the token it holds, which are not the kit's to clear.
 */
export function installLeakProbe(): void {
  const pending = new Set<number>()
  const fromWidget = () => /\/widget\.js/.test(new Error().stack?.split('\n')[3] ?? '')
  const { setTimeout: setTimer, setInterval: setRepeat, clearTimeout: clearTimer, clearInterval: clearRepeat } = window
  window.setTimeout = ((callback: TimerHandler, ms?: number, ...args: unknown[]) => {
    if (fromWidget() || typeof callback != 'function') return setTimer(callback, ms, ...args)
    const id = setTimer(
      (...args: unknown[]) => {
        pending.delete(id)
        ;(callback as (...args: unknown[]) => void)(...args)
      },
      ms,
      ...args,
    )
    pending.add(id)
    return id
  }) as typeof setTimeout
  window.setInterval = ((callback: TimerHandler, ms?: number, ...args: unknown[]) => {
    const id = setRepeat(callback, ms, ...args)
    if (!fromWidget()) pending.add(id)
    return id
  }) as typeof setInterval
  // Either clears either kind, as in browsers.
  const clear = ((id?: number) => {
    if (id !== undefined) pending.delete(id)
    clearTimer(id)
    clearRepeat(id)
  }) as typeof clearTimeout
  window.clearTimeout = window.clearInterval = clear

  let open = 0
  const Channel = window.BroadcastChannel
  window.BroadcastChannel = class extends Channel {
    #open = true
    constructor(name: string) {
      super(name)
      open++
    }
    override close() {
      if (this.#open) open--
      this.#open = false
      super.close()
    }
  }
  window.leakProbe = { timers: () => pending.size, channels: () => open }
}
