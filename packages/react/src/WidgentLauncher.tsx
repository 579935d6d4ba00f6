import type { ReactNode } from 'react'
import { createLauncher, LAUNCHER_ICONS, type LauncherOptions } from '@widgent/core/launcher'
import { useWidgent } from './useWidgent'

export interface WidgentLauncherProps extends LauncherOptions {
  /** A custom look; a chat icon otherwise. The button, its name and its behaviour stay the kit's. */
  children?: ReactNode
  className?: string
}

/**
 * A real `<button>` where the widget's launcher will be, until the widget is ready: intent (pointer over, focus)
 * loads the widget, a click opens it. Use it with `load: 'interaction'` on the provider.
 */
export function WidgentLauncher({ children, className, ...options }: WidgentLauncherProps) {
  const { client, state } = useWidgent()
  const launcher = createLauncher(client, options)
  const view = launcher.view(state)
  if (!view) return null
  return (
    <button
      type="button"
      className={className}
      style={launcher.style}
      aria-label={launcher.label(view)}
      title={launcher.label(view)}
      aria-busy={view == 'loading'}
      onPointerEnter={launcher.intent}
      onFocus={launcher.intent}
      onClick={launcher.activate}
    >
      {children ?? (
        <svg viewBox="0 0 24 24" width="24" height="24" aria-hidden="true">
          <path fill="currentColor" d={LAUNCHER_ICONS[view]} />
        </svg>
      )}
    </button>
  )
}
