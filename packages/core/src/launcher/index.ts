export { createLauncher, LAUNCHER_ICONS } from './createLauncher'
export type { Launcher, LauncherOptions, LauncherView } from './createLauncher'
export { mountLauncher } from './mountLauncher'
