import { writeFileSync } from 'node:fs'
import { runtimeBench } from './runtime/runtimeBench'
import { runtimeTable } from './runtime/runtimeTable'
import { sizeTable } from './size/sizeTable'

// `npm run bench`: the size table, the runtime table, and bench/results.json with every figure.
// Every wait in it has a timeout; this bounds the sum (Playwright closes the browser as the process exits).
setTimeout(() => {
  console.error('npm run bench: still running after 5 minutes, so stopped. Is the machine busy?')
  process.exit(1)
}, 300_000).unref()
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
writeFileSync(new URL('results.json', import.meta.url), JSON.stringify({ date: new Date().toISOString(), size, runtime }, null, 2) + '\n')
