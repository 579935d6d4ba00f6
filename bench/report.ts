import { updateReadmes, writeResult } from './figures/updateReadmes'
import { pageloadBench } from './pageload/pageloadBench'
import { pageloadTable } from './pageload/pageloadTable'
import { runtimeBench } from './runtime/runtimeBench'
import { runtimeTable, sharingTable } from './runtime/runtimeTable'
import { sizeTable } from './size/sizeTable'

// `npm run bench`: the size table, the runtime table, the page-load tables; every figure in bench/results/*.json,
// and from there in the READMEs.
// Every wait in it has a timeout; this bounds the sum (Playwright closes the browser as the process exits).
setTimeout(() => {
  console.error('npm run bench: still running after 15 minutes, so stopped. Is the machine busy?')
  process.exit(1)
}, 900_000).unref()
const started = performance.now()
const size = await sizeTable()
console.log('Bundle size (esbuild --bundle --minify --format=esm, gzip -9), bytes')
console.table(Object.fromEntries(size.map(({ entry, ...row }) => [entry, row])))
const runtime = await runtimeBench()
const { chromium, clock, load, seconds } = runtime
console.log(
  `Runtime in Chromium ${chromium}, performance.now() in the page (${clock.resolution.toFixed(3)} ms steps${clock.isolated ? ', cross-origin isolated' : ''}),`,
  `${seconds.total} s, load average ${load.map((value) => value.toFixed(1)).join(' -> ')}`,
)
console.table(runtimeTable(runtime))
console.log(
  'Tokens across page loads and tabs, signed in as Ada (one profile each): token requests, ms from navigation to the widget identified',
)
console.table(sharingTable(runtime.sharing))

const pageload = await pageloadBench()
const tables = pageloadTable(pageload, size)
const { weight, interactAt, loads } = pageload
console.log(
  `Page load in Chromium ${pageload.chromium}: the emulator's widget at ${weight.scriptBytes} B and ${weight.startupMs} ms of start-up, signed in,`,
  `first interaction at ${interactAt} ms; ${loads} loads of each page, taking turns, ${pageload.seconds.loads} s; Lighthouse once each, ${pageload.seconds.lighthouse} s;`,
  `load average ${pageload.load.map((value) => value.toFixed(1)).join(' -> ')}`,
)
console.log(
  'Each page: TBT, LCP, CLS and bytes before the first interaction (bench/README.md "Page load" says how); Lighthouse 12.2.3 defaults (mobile, simulated throttling)',
)
console.table(tables.pages)
console.log(
  'The facade clicked (the pointer arriving over it) -> the widget open and showing the user, beside its budget: script load + start-up + token round trip, each measured in the same load',
)
console.table(tables.facade)
console.log(
  'The launcher facade, min+gz bytes (from the size table above): what it adds to the binding and the core, and the peer whole',
)
console.table(tables.facadeSize)
console.log('Goals, computed from the figures above')
console.table(tables.goals)
// Lighthouse's warnings, each once with the pages it came on.
const problems = new Map<string, string[]>()
for (const { framework, variant, lighthouse } of pageload.variants)
  for (const problem of lighthouse?.problems ?? [])
    problems.set(problem, [...(problems.get(problem) ?? []), `${framework}/${variant}`])
for (const [problem, pages] of problems)
  console.log(`Lighthouse warned "${problem}" on ${pages.join(', ')} (bench/README.md "Page load" says why)`)
console.log(
  `npm run bench: ${Math.round((performance.now() - started) / 1000)} s in all (the packages' build before it not counted)`,
)
writeResult('size', size)
writeResult('runtime', { date: new Date().toISOString(), ...runtime })
writeResult('pageload', { date: new Date().toISOString(), ...pageload })
const changed = updateReadmes({ write: true })
console.log(
  `bench/results/ written${changed.length ? `; figures updated: ${changed.map(({ figure }) => figure).join(', ')}` : ''}`,
)
