import { savesData } from '../savesData'
// By name, not by path: the entry's declarations then refer to the main entry's types instead of copying them.
import type { WidgentClient, WidgentState } from '@widgent/core'

/** What the facade shows: the launcher, the launcher loading the widget after intent, or a failed load to retry. */
export type LauncherView = 'idle' | 'loading' | 'failed'

export interface LauncherOptions {
  /**
   * The widget command a click sends, held until the widget is ready. Default `'open'`: the vendor page documents
   * no command, so this is an assumption; `null` sends none (the user clicks the widget's own launcher).
   */
  command?: string | null
  /** The accessible name of each view. */
  label?: string
  loadingLabel?: string
  failedLabel?: string
  /** Where the widget's launcher will be, so it takes over without a shift: corner, distance from it and size in px, colour. */
  side?: 'left' | 'right'
  offset?: number
  size?: number
  color?: string
}

export interface Launcher {
  /** What to show for the client's `state`: null once the widget is ready (the widget's own launcher takes over). */
  view(state: WidgentState): LauncherView | null
  label(view: LauncherView): string
  /**
   * Pointer over or focus: load the widget, unless the browser asks to save data or the load failed (then only a
   * click loads: a retry the user asked for, not one each time the pointer passes).
   */
  intent(): void
  /** A click, a tap, Enter or Space: load (again, after a failure), then open the widget once it is ready. */
  activate(): void
  /** Inline style (camelCase, as React, Vue and `element.style` take it). */
  style: Record<string, string>
}

// Paths in a 24 x 24 view box: a chat bubble, three dots while loading, a circular arrow for "try again".
export const LAUNCHER_ICONS: Record<LauncherView, string> = {
  idle: 'M4 4h16a1 1 0 0 1 1 1v11a1 1 0 0 1-1 1H9l-5 4V5a1 1 0 0 1 1-1z',
  loading: 'M4 12a2 2 0 1 0 4 0a2 2 0 1 0-4 0zm6 0a2 2 0 1 0 4 0a2 2 0 1 0-4 0zm6 0a2 2 0 1 0 4 0a2 2 0 1 0-4 0z',
  failed: 'M12 4a8 8 0 1 0 8 8h-2a6 6 0 1 1-1.8-4.2L14 10h6V4l-2.4 2.4A8 8 0 0 0 12 4z',
}

/** The facade's behaviour and look, for a binding to render as a real `<button>`. */
export function createLauncher(client: WidgentClient, options: LauncherOptions = {}): Launcher {
  const { command = 'open', side = 'right', offset = 20, size = 56, color = '#1f2937' } = options
  const labels: Record<LauncherView, string> = {
    idle: options.label ?? 'Open chat',
    loading: options.loadingLabel ?? 'Loading chat…',
    failed: options.failedLabel ?? 'Chat failed to load. Try again',
  }
  return {
    view: ({ widget }) =>
      widget == 'ready' ? null : widget == 'error' ? 'failed' : widget == 'loading' ? 'loading' : 'idle',
    label: (view) => labels[view],
    intent() {
      if (client.getSnapshot().widget != 'error' && !savesData()) void client.load()
    },
    activate() {
      void client.load()
      if (command) client.command(command)
    },
    style: {
      position: 'fixed',
      [side]: `${offset}px`,
      bottom: `${offset}px`,
      width: `${size}px`,
      height: `${size}px`,
      display: 'flex',
      alignItems: 'center',
      justifyContent: 'center',
      padding: '0',
      border: '0',
      borderRadius: '50%',
      background: color,
      color: '#fff',
      cursor: 'pointer',
      zIndex: '2147483000',
    },
  }
}
