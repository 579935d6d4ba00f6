import lighthouse from 'lighthouse'
import { launch } from 'chrome-launcher'
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '@widgent/test-utils/chromium'

/** What one Lighthouse run of a page gave. */
export interface LighthouseRun {
  url: string
  /** The performance category's score, 0 to 100; null when Lighthouse could not score it. */
  score: number | null
  /** Lighthouse's Total Blocking Time (long tasks between FCP and TTI, simulated throttling), in ms. */
  tbt: number | null
  fcp: number | null
  lcp: number | null
  cls: number | null
  /** Lighthouse's runtime error or warnings, if any. */
  problems: string[]
}

/**
 * How long Lighthouse waits for a page to finish loading, in ms (its default: 45 000). The emulator's widget never
 * reads the body of its `GET /v1/widget/config` answer, so Chromium never reports that request finished and
 * Lighthouse, which waits for every request, would wait its whole limit on every page that loads the widget: 5 s
 * of trace is plenty for these pages, and it says so in a run warning.
 */
export const MAX_WAIT_FOR_LOAD = 5000

/**
 * Lighthouse (its defaults: mobile emulation, simulated throttling; the performance category only; but for
 * `maxWaitForLoad`) once per URL, one after another, in one Debian Chromium started by chrome-launcher with this
 * machine's flags and stopped at the end.
 */
export async function runLighthouse(urls: string[]): Promise<LighthouseRun[]> {
  const chrome = await launch({ chromePath: CHROMIUM_PATH, chromeFlags: CHROMIUM_ARGS })
  try {
    const runs: LighthouseRun[] = []
    for (const url of urls) {
      const result = await lighthouse(url, {
        port: chrome.port,
        output: 'json',
        logLevel: 'error',
        onlyCategories: ['performance'],
        maxWaitForLoad: MAX_WAIT_FOR_LOAD,
      })
      const lhr = result?.lhr
      const value = (audit: string) => lhr?.audits[audit]?.numericValue ?? null
      const score = lhr?.categories.performance?.score
      runs.push({
        url,
        score: score == null ? null : Math.round(score * 100),
        tbt: value('total-blocking-time'),
        fcp: value('first-contentful-paint'),
        lcp: value('largest-contentful-paint'),
        cls: value('cumulative-layout-shift'),
        problems: [...(lhr?.runtimeError ? [lhr.runtimeError.message] : []), ...(lhr?.runWarnings ?? [])],
      })
    }
    return runs
  } finally {
    chrome.kill()
  }
}
