import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { readmeFigures, type FigureResults } from './readmeFigures'

const root = fileURLToPath(new URL('../../', import.meta.url))
const results = new URL('../results/', import.meta.url)

/** bench/results/*.json, as `npm run bench`, `npm run figures` and `npm run race -w @widgent/core` wrote them. */
export function readResults(): FigureResults {
  const read = (name: string) => JSON.parse(readFileSync(new URL(`${name}.json`, results), 'utf8'))
  return { size: read('size'), race: read('race') }
}

export function writeResult(name: 'size' | 'runtime' | 'pageload', value: unknown): void {
  writeFileSync(new URL(`${name}.json`, results), JSON.stringify(value, null, 2) + '\n')
}

/** The repository's READMEs: the root's and each workspace's. */
export function readmeFiles(): string[] {
  const { workspaces } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { workspaces: string[] }
  const dirs = workspaces.flatMap((pattern) =>
    pattern.endsWith('/*')
      ? readdirSync(join(root, pattern.slice(0, -2))).map((name) => `${pattern.slice(0, -2)}/${name}`)
      : [pattern],
  )
  return ['README.md', ...dirs.map((dir) => `${dir}/README.md`)].filter((file) => existsSync(join(root, file)))
}

const MARKED = /<!-- figures:([a-z][a-z0-9-]*) -->([\s\S]*?)<!-- \/figures:\1 -->/g

/**
 * `text` with every marked figure put in from `figures`: a table on lines of its own, a figure in a sentence inline.
 * Names are lower case, so a README can write of `<!-- figures:NAME -->` itself.
 */
export function withFigures(text: string, figures: Record<string, string>, file = 'README'): string {
  const opened = [...text.matchAll(/<!-- figures:[a-z][a-z0-9-]* -->/g)].length
  const replaced = text.replace(MARKED, (_, name: string, current: string) => {
    const figure = figures[name]
    if (figure === undefined)
      throw new Error(`${file}: no figure is named "${name}" (bench/figures/readmeFigures.ts names them).`)
    return `<!-- figures:${name} -->${current.startsWith('\n') ? `\n${figure}\n` : figure}<!-- /figures:${name} -->`
  })
  const closed = [...text.matchAll(MARKED)].length
  if (opened != closed) throw new Error(`${file}: a <!-- figures:NAME --> marker without its <!-- /figures:NAME -->.`)
  return replaced
}

/** Each figure of a README that is not bench/results' (`file: name`), with what it shows and what it should; with `write`, rewritten. */
export function updateReadmes({ write = false } = {}): Array<{ figure: string; current: string; wanted: string }> {
  const figures = readmeFigures(readResults())
  return readmeFiles().flatMap((file) => {
    const current = readFileSync(join(root, file), 'utf8')
    const wanted = withFigures(current, figures, file)
    if (wanted == current) return []
    if (write) writeFileSync(join(root, file), wanted)
    const shown = marked(wanted)
    return [...marked(current)]
      .filter(([name, text]) => shown.get(name) != text)
      .map(([name, text]) => ({ figure: `${file}: ${name}`, current: text, wanted: shown.get(name)! }))
  })
}

/** The marked figures of a README's text, by name. */
const marked = (text: string) => new Map([...text.matchAll(MARKED)].map((match) => [match[1]!, match[2]!.trim()]))

/** The names of the figures the READMEs mark. */
export function markedFigures(): Set<string> {
  return new Set(readmeFiles().flatMap((file) => [...marked(readFileSync(join(root, file), 'utf8')).keys()]))
}
