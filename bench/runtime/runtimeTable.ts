import { COMPONENT_COUNTS } from './measureRequests'
import { CROSS_TAB_SIGN_OUTS } from './measureCrossTab'
import { CYCLES, WARM_UP, type Latency } from './measureLatency'
import { LOADS as SHARING_LOADS, TABS, type Sharing } from './measureSharing'
import { LOADS } from './measureStartup'
import type { Percentiles } from './percentiles'
import type { RuntimeResults } from './runtimeBench'

export interface RuntimeRow {
  ours: string
  'vendor snippet': string
  goal: string
  samples: string
}

const ms = ({ p50, p95 }: Percentiles) => `${p50.toFixed(3)} / ${p95.toFixed(3)}`
const PAGES: Record<string, string> = {
  core: 'core',
  'react?n=1': 'React x1',
  'react?n=50': 'React x50',
  'vue?n=50': 'Vue x50',
  'svelte?n=50': 'Svelte x50',
}
const FRAMEWORKS = { react: 'React', vue: 'Vue', svelte: 'Svelte' }
const STARTS: Record<string, string> = {
  core: 'core createWidgent + mount',
  react: 'React provider render -> tag',
  vue: 'Vue app.use(WidgentPlugin)',
  svelte: 'Svelte createWidgent + subscribe',
}

/** The runtime figures as rows of one table: ours beside the vendor's snippet where it has the same figure. */
export function runtimeTable(results: RuntimeResults): Record<string, RuntimeRow> {
  const rows: Record<string, RuntimeRow> = {}
  const row = (measure: string, ours: string, goal: string, samples: string, vendor = '') =>
    (rows[measure] = { ours, 'vendor snippet': vendor, goal, samples })

  const counts = COMPONENT_COUNTS.map((count) => `x${count}`).join(' / ')
  for (const [framework, name] of Object.entries(FRAMEWORKS)) {
    const of = results.requests.filter((count) => count.framework == framework)
    const list = (key: 'signIn' | 'signedInAtLoad') => of.map((count) => count[key]).join(' / ')
    row(
      `token requests: ${name} ${counts}`,
      `${list('signIn')} (at load ${list('signedInAtLoad')})`,
      '1',
      '1 sign-in, 1 load',
    )
  }

  const latency = (label: string, pick: (latency: Latency) => Percentiles) => {
    for (const figures of results.latency)
      row(`${label}: ${PAGES[figures.page]}`, ms(pick(figures)), 'p95 <= 1', `${CYCLES} cycles (+${WARM_UP})`)
  }
  latency('ms p50/p95 setUser -> request', (figures) => figures.setUserToRequest)
  latency('ms p50/p95 token -> widget', (figures) => figures.bodyToWidget)
  row(
    "ms p50/p95 sign-out -> other tab's widget anonymous: core",
    ms(results.crossTab.signOutToOtherTab),
    'p95 <= 100',
    `${CROSS_TAB_SIGN_OUTS} sign-outs`,
  )

  for (const { page, kit, mount } of results.startup) {
    if (kit)
      row(
        `ms p50 start-up: ${STARTS[page]}`,
        kit.p50.toFixed(3) + (page == 'react' && mount ? ` (kit: mount -> tag ${mount.p50.toFixed(3)})` : ''),
        '',
        `${LOADS} loads`,
      )
  }
  const requested = (page: string) => results.startup.find((startup) => startup.page == page)!.requested.p50.toFixed(1)
  row(
    'ms p50 widget.js asked for after navigation',
    `core ${requested('core')}, React ${requested('react')}`,
    '',
    `${LOADS} loads`,
    requested('vendor'),
  )

  for (const start of ['signed out', 'signed in as Ada']) {
    const steps = (page: string) =>
      results.loginScripts.find((script) => script.page == page && script.start == start)!.steps
    const [vendor, core, react] = ['vendor', 'core', 'react'].map(steps)
    const same =
      JSON.stringify(core) == JSON.stringify(react) ? ' (React same)' : ` (React differs: see results/runtime.json)`
    const requests = (of: typeof core) => of!.map((step) => step.requests.join(' + ') || '0').join(', ')
    const widget = (of: typeof core) => of!.map((step) => step.widget).join(', ')
    const script = core!.map((step) => step.step.replace('sign in as ', '').replace('load ', '')).join(', ')
    row(`script ${script}: requests`, requests(core) + same, '1 per sign-in', '1 run', requests(vendor))
    row(`script ${script}: widget`, widget(core) + same, 'the user signed in', '1 run', widget(vendor))
  }
  return rows
}

/** Tokens across page loads and tabs: requests, and ms p50 / max from navigation to the widget's first token. */
export function sharingTable(sharing: Sharing[]): Record<string, Record<string, string>> {
  const times = ({ p50, max }: { p50: number; max: number }) => `${Math.round(p50)} / ${Math.round(max)}`
  return Object.fromEntries(
    sharing.map((row) => [
      row.variant,
      {
        [`${SHARING_LOADS} loads: requests`]: String(row.loadRequests),
        'ms to identified p50 / max': times(row.loadIdentified),
        [`${TABS} tabs at once: requests`]: String(row.tabRequests),
        'ms to identified p50 / max ': times(row.tabIdentified),
      },
    ]),
  )
}
