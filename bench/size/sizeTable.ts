import { entries } from './entries'
import { measure } from './measure'

export interface SizeRow {
  entry: string
  min: number
  gz: number
  budget: number | null
  target: number | null
  /** For a peer: our kit for the same framework (core alone for plain JS) over the peer, gz. */
  ours: number | null
}

const ourKit = (external: string[]) =>
  external.includes('react')
    ? '@widgent/react + core'
    : external.includes('vue')
      ? '@widgent/vue + core'
      : '@widgent/core createWidgent'

/** Every entry weighed; each peer beside the kit a user would pick it instead of. */
export async function sizeTable(): Promise<SizeRow[]> {
  const measured = await Promise.all(entries.map(async (entry) => ({ entry, ...(await measure(entry)) })))
  const gzOf = (name: string) => measured.find(({ entry }) => entry.name == name)!.gz
  return measured.map(({ entry, min, gz }) => ({
    entry: entry.name,
    min,
    gz,
    budget: entry.budget ?? null,
    target: entry.target ?? null,
    ours: entry.peer ? Number((gzOf(ourKit(entry.external)) / gz).toFixed(2)) : null,
  }))
}
