import type { Command } from './heldCommands'
import type { WidgentUser } from './types'

const anonymous = async () => ''

/**
 * What a change of user tells a ready widget: the app's reset command on a sign-out or a switch; on a switch, an
 * anonymous answer at once (an answer for the previous user may already be on its way to the widget, resolved a
 * microtask before the switch: this one lands right behind it, before the page can act on it); then the fetcher
 * again, so the widget asks (the one thing the kit assumes of it beyond the vendor page).
 */
export function tellWidgetUserChanged(
  send: (...command: Command) => void,
  register: () => void,
  previous: WidgentUser | null | undefined,
  next: WidgentUser | null,
  resetCommand?: string,
): void {
  if (previous) {
    if (resetCommand) send(resetCommand)
    if (next) send('setIdentityTokenFetcher', anonymous)
  }
  register()
}
