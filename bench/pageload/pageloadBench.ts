import { loadavg } from 'node:os'
import { startEmulator } from '@widgent/emulator'
import { launchChromium } from '@widgent/test-utils/chromium'
import { percentiles, type Percentiles } from '../runtime/percentiles'
import { loadPage, type PageLoad } from './loadPage'
import { runLighthouse, type LighthouseRun } from './runLighthouse'
import { startPageServer } from './startPageServer'
import { FRAMEWORKS, VARIANTS, type Framework, type Variant } from './variants'

/** What the emulator's widget costs a page here: the figures for a real chat widget. */
export const WEIGHT = { scriptBytes: 300_000, startupMs: 150 }
/** The user's first interaction (a click on the facade, where there is one), ms after navigation start. */
export const INTERACT_AT = 2000
/** Loads of each page: 15 pages, so 75 loads of about 2.5 s each. */
export const LOADS = 5
/** Every page loads signed in as this demo user: the widget must end up showing them. */
const USER = 'ada'

export interface VariantResult {
  framework: Framework
  variant: Variant
  url: string
  loads: PageLoad[]
  tbt: Percentiles
  lcp: Percentiles
  /** The largest CLS of any load. */
  cls: number
  bytes: Percentiles
  /** Loads in which the widget's script was requested before the interaction. */
  widgetBeforeInteraction: number
  facade?: {
    toOpen: Percentiles
    budget: Percentiles
    scriptLoad: Percentiles
    startup: Percentiles
    tokenRoundTrip: Percentiles
    scriptRequested: Percentiles
    configRoundTrip: Percentiles
    tokenRequested: Percentiles
    ready: Percentiles
    /** Loads whose click → open identified was within that load's own budget. */
    withinBudget: number
  }
  lighthouse?: LighthouseRun
}

export interface PageloadResults {
  chromium: string
  weight: typeof WEIGHT
  interactAt: number
  loads: number
  variants: VariantResult[]
  /** The machine's 1-minute load average as this part started and ended. */
  load: [start: number, end: number]
  seconds: Record<'loads' | 'lighthouse' | 'total', number>
}

export interface PageloadOptions {
  loads?: number
  frameworks?: readonly Framework[]
  variants?: readonly Variant[]
  /** Run Lighthouse once per page too. */
  lighthouse?: boolean
  interactAt?: number
}

/**
 * The page-load bench: the emulator with the widget's weight on, the page server (pages bundled from the built
 * packages, `@widgent/server`'s token route) and Chromium, all on 127.0.0.1 and stopped at the end. Each page is
 * loaded `loads` times, the pages taking turns (load 1 of every page, then load 2, …) so that a busy stretch of the
 * machine falls on all of them alike; then Lighthouse once per page.
 */
export async function pageloadBench({
  loads = LOADS,
  frameworks = FRAMEWORKS,
  variants = VARIANTS,
  lighthouse = true,
  interactAt = INTERACT_AT,
}: PageloadOptions = {}): Promise<PageloadResults> {
  const started = performance.now()
  const load = loadavg()[0]!
  const emulator = await startEmulator({ weight: WEIGHT })
  const server = await startPageServer(emulator.url).catch(async (error) => {
    await emulator.close()
    throw error
  })
  const seconds = {} as PageloadResults['seconds']
  const since = (start: number) => Math.round((performance.now() - start) / 100) / 10
  try {
    const pages = frameworks.flatMap((framework) =>
      variants.map((variant) => ({
        framework,
        variant,
        url: server.pageUrl(framework, variant, USER),
        loads: [] as PageLoad[],
      })),
    )
    const browser = await launchChromium()
    let chromium: string
    try {
      chromium = browser.version()
      for (let i = 0; i < loads; i++) {
        for (const page of pages)
          page.loads.push(
            await loadPage(browser, page.url, { interactAt, clickFacade: page.variant == 'facade', identity: USER }),
          )
      }
    } finally {
      await browser.close()
    }
    seconds.loads = since(started)
    const lighthouseStart = performance.now()
    const runs = lighthouse ? await runLighthouse(pages.map((page) => page.url)) : []
    seconds.lighthouse = since(lighthouseStart)
    seconds.total = since(started)
    return {
      chromium,
      weight: WEIGHT,
      interactAt,
      loads,
      variants: pages.map((page) =>
        summarise(
          page,
          runs.find((run) => run.url == page.url),
        ),
      ),
      load: [load, loadavg()[0]!],
      seconds,
    }
  } finally {
    await server.close()
    await emulator.close()
  }
}

function summarise(
  { framework, variant, url, loads }: Pick<VariantResult, 'framework' | 'variant' | 'url' | 'loads'>,
  lighthouse?: LighthouseRun,
): VariantResult {
  const of = (pick: (load: PageLoad) => number) => percentiles(loads.map(pick))
  const clicks = loads.flatMap((load) => (load.facade ? [load.facade] : []))
  const click = (pick: (facade: NonNullable<PageLoad['facade']>) => number) => percentiles(clicks.map(pick))
  return {
    framework,
    variant,
    url,
    loads,
    tbt: of((load) => load.tbt),
    lcp: of((load) => load.lcp ?? NaN),
    cls: Math.max(...loads.map((load) => load.cls)),
    bytes: of((load) => load.bytes),
    widgetBeforeInteraction: loads.filter((load) => load.widgetBeforeInteraction).length,
    facade: clicks.length
      ? {
          toOpen: click((facade) => facade.toOpen),
          budget: click((facade) => facade.budget),
          scriptLoad: click((facade) => facade.scriptLoad),
          startup: click((facade) => facade.startup),
          tokenRoundTrip: click((facade) => facade.tokenRoundTrip),
          scriptRequested: click((facade) => facade.scriptRequested),
          configRoundTrip: click((facade) => facade.configRoundTrip),
          tokenRequested: click((facade) => facade.tokenRequested),
          ready: click((facade) => facade.ready),
          withinBudget: clicks.filter((facade) => facade.toOpen <= facade.budget).length,
        }
      : undefined,
    lighthouse,
  }
}
