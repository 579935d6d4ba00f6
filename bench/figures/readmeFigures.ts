import { entries } from '../size/entries'
import type { SizeRow } from '../size/sizeTable'

/** `npm run race -w @widgent/core`'s comparison, as it writes bench/results/race.json. */
export interface RaceResults {
  runs: number
  seed: number
  /** How long the comparison took, s. */
  seconds: number
  vendor: RaceTotals
  kit: RaceTotals
}

export interface RaceTotals {
  /** Sequences in which the widget got a token for someone other than the user signed in. */
  staleSequences: number
  /** Sequences that ended, quiet, with the widget holding the wrong identity. */
  wrongFinal: number
  requests: number
  throws: number
}

export interface FigureResults {
  size: SizeRow[]
  race: RaceResults
}

const count = (value: number) => value.toLocaleString('en-US')
const bytes = (value: number) => `${count(value)} B`
const row = (cells: string[]) => `| ${cells.join(' | ')} |`
const table = (head: string[], rows: string[][]) =>
  [row(head), `|${head.map(() => '---').join('|')}|`, ...rows.map(row)].join('\n')

/**
 * Every figure the READMEs take from bench/results, by the name of its markers (`<!-- figures:NAME -->` ...
 * `<!-- /figures:NAME -->`): a table, or a figure inside a sentence.
 */
export function readmeFigures({ size, race }: FigureResults): Record<string, string> {
  const gz = (name: string) => {
    const row = size.find((row) => row.entry == name)
    if (!row) throw new Error(`bench/results/size.json has no "${name}": run npm run figures.`)
    return row.gz
  }
  const facades = entries.filter((entry) => entry.name.endsWith('(facade)')).map((entry) => gz(entry.name))
  const core = entries[0]!

  const budgets = table(
    ['import', 'min+gz', 'budget'],
    entries
      .filter((entry) => entry.budget)
      .map((entry) => [
        entry.readme!,
        bytes(gz(entry.name)),
        `${bytes(entry.budget!)}${entry.target ? ` (target ${bytes(entry.target)})` : ''}`,
      ]),
  )
  const peers = table(
    ['instead of', 'min+gz', 'ours for the same framework', 'ours / theirs'],
    entries
      .filter((entry) => entry.peer)
      .map((entry) => ({
        entry,
        theirs: gz(entry.name),
        ours: entry.versus!.entries.reduce((sum, name) => sum + gz(name), 0),
      }))
      .sort((a, b) => a.theirs - b.theirs)
      .map(({ entry, theirs, ours }) => [
        entry.readme!,
        bytes(theirs),
        `${entry.versus!.readme} ${bytes(ours)}`,
        (ours / theirs).toFixed(2),
      ]),
  )
  const raceTable = table(
    [`over ${count(race.runs)} random sequences`, "the vendor's snippet", 'the kit'],
    [
      [
        'sequences where the widget got a token for the wrong user',
        count(race.vendor.staleSequences),
        count(race.kit.staleSequences),
      ],
      ['sequences ending on the wrong identity', count(race.vendor.wrongFinal), count(race.kit.wrongFinal)],
      ['token requests', count(race.vendor.requests), count(race.kit.requests)],
      ['fetcher throws into the widget', count(race.vendor.throws), count(race.kit.throws)],
    ],
  )

  return {
    size: budgets,
    'size-peers': peers,
    'facade-cost': `${count(Math.min(...facades))} to ${bytes(Math.max(...facades))}`,
    'core-size': bytes(gz(core.name)),
    'core-over-target': bytes(gz(core.name) - core.target!),
    'react-binding': bytes(gz('@widgent/react (core external)')),
    'next-binding': bytes(gz('@widgent/react/next (core external)')),
    'next-on-react': bytes(gz('@widgent/react/next (core external)') - gz('@widgent/react (core external)')),
    'vue-binding': bytes(gz('@widgent/vue (core external)')),
    'svelte-binding': bytes(gz('@widgent/svelte (core external)')),
    'core-launcher': bytes(gz('@widgent/core/launcher mountLauncher (facade)')),
    'react-live-chat-loader': bytes(gz('react-live-chat-loader (provider + one facade)')),
    race: raceTable,
    'race-runs': count(race.runs),
    'race-request-share': `${Math.round((100 * race.kit.requests) / race.vendor.requests)}%`,
    'race-seconds': `${Math.round(race.seconds)} s`,
  }
}
