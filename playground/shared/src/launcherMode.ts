/**
 * How the page loads the widget: `eager` (the default: at once) or `facade` (`?launcher=facade`: the kit's
 * `load: 'interaction'` and the binding's launcher facade, so nothing loads until the user shows intent).
 */
export type LauncherMode = 'eager' | 'facade'

export const LAUNCHER_MODES: readonly LauncherMode[] = ['eager', 'facade']

/** The page's mode from its query string: `?launcher=facade`, anything else is eager. */
export function launcherMode(search = typeof location == 'undefined' ? '' : location.search): LauncherMode {
  return new URLSearchParams(search).get('launcher') == 'facade' ? 'facade' : 'eager'
}

/**
 * The header's Eager / Facade switch: a link per mode to this page in that mode, keeping the rest of its query
 * (`?loadTimeoutMs=…`); `current` marks the page's own mode.
 */
export function launcherSwitch(
  search = typeof location == 'undefined' ? '' : location.search,
  pathname = typeof location == 'undefined' ? '/' : location.pathname,
) {
  const current = launcherMode(search)
  return LAUNCHER_MODES.map((mode) => {
    const query = new URLSearchParams(search)
    if (mode == 'facade') query.set('launcher', 'facade')
    else query.delete('launcher')
    const rest = query.toString()
    return {
      mode,
      label: mode == 'eager' ? 'Eager' : 'Facade',
      href: rest ? `${pathname}?${rest}` : pathname,
      current: mode == current,
    }
  })
}
