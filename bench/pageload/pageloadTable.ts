import type { Percentiles } from '../runtime/percentiles'
import type { SizeRow } from '../size/sizeTable'
import type { PageloadResults, VariantResult } from './pageloadBench'
import { FRAMEWORKS, type Framework, type Variant } from './variants'

const NAMES: Record<Framework, string> = { react: 'React', vue: 'Vue', svelte: 'Svelte' }
const VARIANT_NAMES: Record<Variant, string> = {
  none: 'no widget',
  vendor: 'vendor snippet',
  eager: "kit 'eager'",
  idle: "kit 'idle'",
  facade: "kit 'interaction' + facade",
}
/** The facade's size entries in bench/size, per framework, and the peer's. */
export const FACADE_ENTRIES: Record<Framework, string> = {
  react: '@widgent/react WidgentLauncher (facade)',
  vue: '@widgent/vue WidgentLauncher (facade)',
  svelte: '@widgent/svelte widgentLauncher (facade)',
}
const OTHER_FACADES = [
  '@widgent/core/launcher mountLauncher (facade)',
  'react-live-chat-loader (provider + one facade)',
]
/** "Under 1 KB" min+gz, as the size budgets count it. */
export const FACADE_GOAL_BYTES = 1000

const ms = ({ p50, p95 }: Percentiles) => `${Math.round(p50)} / ${Math.round(p95)}`
const kb = (bytes: number) => (bytes / 1000).toFixed(1)
const round = (value: number | null | undefined) => (value == null ? '-' : Math.round(value))

export interface PageloadTables {
  pages: Record<string, Record<string, string | number>>
  facade: Record<string, Record<string, string | number>>
  goals: Record<string, Record<string, string>>
  facadeSize: Record<string, { min: number; gz: number }>
}

/**
 * The page-load figures as four tables: every page; the facade's click in each framework beside its budget; the
 * issue's goals, each computed from the figures above (met or missed, with the figures that decide); and the
 * facade's size beside the peer's, from bench/size.
 */
export function pageloadTable(results: PageloadResults, size: SizeRow[]): PageloadTables {
  const find = (framework: Framework, variant: Variant) =>
    results.variants.find((result) => result.framework == framework && result.variant == variant)
  const pages: PageloadTables['pages'] = {}
  for (const result of results.variants) {
    pages[`${NAMES[result.framework]} ${VARIANT_NAMES[result.variant]}`] = {
      'TBT ms p50 / p95': ms(result.tbt),
      'LCP ms p50 / p95': ms(result.lcp),
      'CLS max': Number(result.cls.toFixed(4)),
      'kB before p50 / p95': `${kb(result.bytes.p50)} / ${kb(result.bytes.p95)}`,
      'widget.js before': `${result.widgetBeforeInteraction}/${result.loads.length}`,
      'LH score': result.lighthouse?.score ?? '-',
      'LH TBT ms': round(result.lighthouse?.tbt),
      'LH FCP ms': round(result.lighthouse?.fcp),
      'LH LCP ms': round(result.lighthouse?.lcp),
    }
  }

  const facade: PageloadTables['facade'] = {}
  for (const framework of FRAMEWORKS) {
    const click = find(framework, 'facade')?.facade
    if (!click) continue
    facade[NAMES[framework]] = {
      'open identified ms p50 / p95': ms(click.toOpen),
      'budget ms p50 / p95': ms(click.budget),
      'within budget': `${click.withinBudget}/${click.toOpen.n}`,
      'script load p50': Math.round(click.scriptLoad.p50),
      'start-up p50': Math.round(click.startup.p50),
      'token RTT p50': Math.round(click.tokenRoundTrip.p50),
      'script asked +ms p50': Math.round(click.scriptRequested.p50),
      'token asked +ms p50': Math.round(click.tokenRequested.p50),
      'widget config RTT p50': Math.round(click.configRoundTrip.p50),
      'widgent:ready +ms p50': Math.round(click.ready.p50),
    }
  }

  const goals: PageloadTables['goals'] = {}
  const goal = (name: string, check: (framework: Framework) => { met: boolean; figures: string } | null) => {
    goals[name] = Object.fromEntries(
      FRAMEWORKS.map((framework) => {
        const result = check(framework)
        return [NAMES[framework], result ? `${result.met ? 'met' : 'MISSED'} (${result.figures})` : 'not measured']
      }),
    )
  }
  for (const variant of ['facade', 'idle'] as const) {
    goal(`${VARIANT_NAMES[variant]}: no TBT added before the interaction (p50 vs no widget)`, (framework) => {
      const [none, it] = [find(framework, 'none'), find(framework, variant)]
      if (!none || !it) return null
      const added = Math.round(it.tbt.p50 - none.tbt.p50)
      // The no-widget page's own spread from load to load, beside the verdict (which it does not change).
      const spread = Math.round(none.tbt.p95 - none.tbt.p50)
      return {
        met: added <= 0,
        figures: `${added >= 0 ? '+' : ''}${added} ms: ${Math.round(it.tbt.p50)} vs ${Math.round(none.tbt.p50)}; no widget p95 - p50: ${spread} ms`,
      }
    })
  }
  goal('CLS 0 in every load of the kit', (framework) => {
    const kit = (['eager', 'idle', 'facade'] as const)
      .map((variant) => find(framework, variant))
      .filter((result): result is VariantResult => !!result)
    if (!kit.length) return null
    const worst = Math.max(...kit.map((result) => result.cls))
    return {
      met: worst == 0,
      figures: `max ${Number(worst.toFixed(4))} over ${kit.reduce((sum, result) => sum + result.loads.length, 0)} loads`,
    }
  })
  goal('facade click -> open identified within script load + start-up + token RTT', (framework) => {
    const click = find(framework, 'facade')?.facade
    if (!click) return null
    return {
      met: click.withinBudget == click.toOpen.n,
      figures: `${click.withinBudget}/${click.toOpen.n} loads; p50 ${Math.round(click.toOpen.p50)} vs ${Math.round(click.budget.p50)} ms`,
    }
  })
  goal(`facade under 1 KB min+gz (<= ${FACADE_GOAL_BYTES} B)`, (framework) => {
    const row = size.find((entry) => entry.entry == FACADE_ENTRIES[framework])
    return row ? { met: row.gz <= FACADE_GOAL_BYTES, figures: `${row.gz} B` } : null
  })

  const facadeSize: PageloadTables['facadeSize'] = {}
  for (const name of [...Object.values(FACADE_ENTRIES), ...OTHER_FACADES]) {
    const row = size.find((entry) => entry.entry == name)
    if (row) facadeSize[name] = { min: row.min, gz: row.gz }
  }
  return { pages, facade, goals, facadeSize }
}
