import type { Browser } from 'playwright-core'
import { createTab } from './createTab'
import { percentiles, type Percentiles } from './percentiles'
import type { BenchServer } from './startBenchServer'

export interface Startup {
  page: string
  /**
   * From the kit's start (the page's `kit-start` mark: before `createWidgent`, `app.use(WidgentPlugin)`, or the
   * provider's first render) to its `document.head.append` of the widget's script. All the kit's own main-thread
   * time but for React, where React's render, commit and effect scheduling fall in between.
   */
  kit: Percentiles | null
  /** From `client.mount()` (React: the provider's effect) to the same `append`: the kit's part of `kit` in React. */
  mount: Percentiles | null
  /** When the browser started fetching widget.js, ms after navigation start (its resource timing `startTime`). */
  requested: Percentiles
}

export const LOADS = 30
export const STARTUP_PAGES = ['core', 'react', 'vue', 'svelte', 'vendor']

/** 30 loads of each page, signed out; the vendor's page has no kit, so only when it asks for the script. */
export async function measureStartup(browser: Browser, server: BenchServer): Promise<Startup[]> {
  const results: Startup[] = []
  const { page, open, close } = await createTab(browser)
  for (const name of STARTUP_PAGES) {
    // A first load, not counted, so that every counted one finds the browser's caches alike.
    await open(`${server.url}/${name}`)
    const loads: Array<{ kit: number | null; mount: number | null; requested: number }> = []
    while (loads.length < LOADS) {
      // The load event (the widget's script, inserted before it, delays it), then the figures, mostly at once.
      await page.goto(`${server.url}/${name}`)
      const handle = await page.waitForFunction(
        () => {
          const [resource] = performance.getEntriesByName(window.benchConfig.scriptUrl)
          const [start] = performance.getEntriesByName('kit-start')
          const inserted = window.bench?.probe.scriptInserted
          const { mountStart } = window.bench?.probe ?? {}
          return (
            resource && {
              kit: start && inserted ? inserted - start.startTime : null,
              mount: mountStart && inserted ? inserted - mountStart : null,
              requested: resource.startTime,
            }
          )
        },
        null,
        { polling: 10 },
      )
      loads.push((await handle.jsonValue())!)
    }
    const some = (values: Array<number | null>) => (values.includes(null) ? null : percentiles(values as number[]))
    results.push({
      page: name,
      kit: some(loads.map((load) => load.kit)),
      mount: some(loads.map((load) => load.mount)),
      requested: percentiles(loads.map((load) => load.requested)),
    })
  }
  await close()
  return results
}
