import type { WidgentClient } from '@widgent/core'

/** The Retry button: load the widget again after a load failure, otherwise ask for the token again. */
export function retry(client: WidgentClient): Promise<void> {
  return client.getSnapshot().widget == 'error' ? client.load() : client.refresh()
}
