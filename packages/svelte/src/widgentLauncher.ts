import { mountLauncher, type LauncherOptions } from '@widgent/core/launcher'
import type { Widgent } from './createWidgent'

export interface WidgentLauncherParams extends LauncherOptions {
  widgent: Widgent
}

/**
 * `<button use:widgentLauncher={{ widgent }}>`: the button becomes the launcher facade (where the widget's launcher
 * will be, until the widget is ready; intent loads the widget, a click opens it). Its content is your look; an
 * empty button gets a chat icon. Use it with `load: 'interaction'`.
 */
export function widgentLauncher(button: HTMLButtonElement, { widgent, ...options }: WidgentLauncherParams) {
  // While the facade shows, the client runs: the same count the stores keep.
  const unmount = widgent.client.mount()
  const unmountLauncher = mountLauncher(widgent.client, options, button)
  return {
    destroy() {
      unmountLauncher()
      unmount()
    },
  }
}
