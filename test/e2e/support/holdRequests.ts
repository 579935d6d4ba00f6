import type { BrowserContext } from 'playwright-core'

/**
 * Holds the context's requests whose URL starts with `url` in the browser until the returned `release()`; after it,
 * they go on to the server, held ones first. A load stays under way exactly as long as the test needs, however slow
 * the machine is, where a fixed delay would race with the test's own steps.
 */
export async function holdRequests(context: BrowserContext, url: string): Promise<() => void> {
  let release!: () => void
  const released = new Promise<void>((resolve) => (release = resolve))
  await context.route(
    (requested) => requested.href.startsWith(url),
    async (route) => {
      await released
      // The page may be gone by then (the test ended): nothing is left to send.
      await route.continue().catch(() => {})
    },
  )
  return release
}
