import { loadavg } from 'node:os'
import { startEmulator } from '@widgent/emulator'
import { launchChromium } from '@widgent/test-utils/chromium'
import { measureCrossTab, type CrossTab } from './measureCrossTab'
import { measureLatency, type Latency } from './measureLatency'
import { measureRequests, type RequestCount } from './measureRequests'
import { measureSharing, type Sharing } from './measureSharing'
import { measureStartup, type Startup } from './measureStartup'
import { createTab } from './createTab'
import { runLoginScripts, type LoginScript } from './runLoginScripts'
import { startBenchServer } from './startBenchServer'

export interface RuntimeResults {
  chromium: string
  /** The pages' `performance.now()`: its smallest step in ms, and whether they were cross-origin isolated. */
  clock: { resolution: number; isolated: boolean }
  requests: RequestCount[]
  latency: Latency[]
  crossTab: CrossTab
  startup: Startup[]
  loginScripts: LoginScript[]
  sharing: Sharing[]
  /** The machine's 1-minute load average as the run started and ended: other work on it slows every figure. */
  load: [start: number, end: number]
  /** How long each part took, and the whole. */
  seconds: Record<'requests' | 'latency' | 'crossTab' | 'startup' | 'loginScripts' | 'sharing' | 'total', number>
}

/**
 * The runtime benchmarks in Chromium: the emulator, the bench's site (pages bundled from the built packages, and
 * `@widgent/server`'s token route) and the browser, each on 127.0.0.1 and stopped at the end whatever happens.
 */
export async function runtimeBench(): Promise<RuntimeResults> {
  const started = performance.now()
  const load = loadavg()[0]!
  const emulator = await startEmulator()
  const server = await startBenchServer(emulator.url).catch(async (error) => {
    await emulator.close()
    throw error
  })
  const browser = await launchChromium()
  try {
    const tab = await createTab(browser)
    await tab.open(`${server.url}/core`)
    const clock = await tab.page.evaluate(() => window.bench.clock())
    await tab.close()
    const seconds = {} as RuntimeResults['seconds']
    const timed = async <T>(part: keyof RuntimeResults['seconds'], measure: () => Promise<T>) => {
      const start = performance.now()
      const result = await measure()
      seconds[part] = Math.round((performance.now() - start) / 100) / 10
      return result
    }
    const results = {
      chromium: browser.version(),
      clock,
      requests: await timed('requests', () => measureRequests(browser, server)),
      latency: await timed('latency', () => measureLatency(browser, server)),
      crossTab: await timed('crossTab', () => measureCrossTab(browser, server)),
      startup: await timed('startup', () => measureStartup(browser, server)),
      loginScripts: await timed('loginScripts', () => runLoginScripts(browser, server)),
      sharing: await timed('sharing', () => measureSharing(browser, server)),
      load: [load, loadavg()[0]!] as [number, number],
      seconds,
    }
    seconds.total = Math.round((performance.now() - started) / 1000)
    return results
  } finally {
    await browser.close()
    await server.close()
    await emulator.close()
  }
}
