import type { Browser } from 'playwright-core'
import { createTab } from './createTab'
import { settle } from './settle'
import type { DemoUserId } from '@widgent/test-utils/demo'
import type { BenchServer } from './startBenchServer'

export interface ScriptStep {
  step: string
  /** Token route requests during the step: the session's user (or nobody), and the status when not 200. */
  requests: string[]
  /** Who the widget panel shows once the step settled. */
  widget: string | null
}

export interface LoginScript {
  page: string
  start: 'signed out' | 'signed in as Ada'
  steps: ScriptStep[]
}

// Each script: the session the page loads with, then sign-ins (a user) and sign-outs (null).
const SCRIPTS: Array<[start: LoginScript['start'], user: DemoUserId | undefined, steps: Array<DemoUserId | null>]> = [
  ['signed out', undefined, ['ada', null, 'grace']],
  ['signed in as Ada', 'ada', [null, 'grace']],
]
export const SCRIPT_PAGES = ['vendor', 'core', 'react']

/**
 * The same login/logout/login script on the vendor's snippet and on ours. After each step the page settles (the
 * widget shows whoever is signed in, or 1 s passes, then 200 ms with no request under way), then the step's token
 * requests and the widget's identity are read.
 */
export async function runLoginScripts(browser: Browser, server: BenchServer): Promise<LoginScript[]> {
  const results: LoginScript[] = []
  const tab = await createTab(browser)
  for (const page of SCRIPT_PAGES) {
    for (const [start, user, script] of SCRIPTS) {
      const steps: ScriptStep[] = []
      const settled = async (step: string, expected: string) => {
        await settle(tab.page, expected, { timeout: 1000, orTimeout: true })
        const requests = server
          .takeHits()
          .map((hit) => `${hit.userId ?? 'nobody'}${hit.status == 200 ? '' : ` ${hit.status}`}`)
        steps.push({ step, requests, widget: await tab.page.evaluate(() => window.bench.widgetIdentity()) })
      }
      server.takeHits()
      await tab.open(`${server.url}/${page}`, user)
      await settled(`load ${user ? `as ${user}` : 'signed out'}`, user ?? 'anonymous')
      for (const next of script) {
        await tab.page.evaluate((next) => (next ? window.bench.signIn(next) : window.bench.signOut()), next)
        await settled(next ? `sign in as ${next}` : 'sign out', next ?? 'anonymous')
      }
      results.push({ page, start, steps })
    }
  }
  await tab.close()
  return results
}
