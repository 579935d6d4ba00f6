import { writeFileSync } from 'node:fs'
import { runtimeBench } from './runtime/runtimeBench'
import { runtimeTable } from './runtime/runtimeTable'
import { sizeTable } from './size/sizeTable'

// `npm run bench`: the size table, the runtime table, and bench/results.json with every figure.
const size = await sizeTable()
console.log('Bundle size (esbuild --bundle --minify --format=esm, gzip -9), bytes')
console.table(Object.fromEntries(size.map(({ entry, ...row }) => [entry, row])))
const runtime = await runtimeBench()
console.log(`Runtime in Chromium ${runtime.chromium}, performance.now() in the page (${runtime.clock.resolution.toFixed(3)} ms steps${runtime.clock.isolated ? ', cross-origin isolated' : ''}), ${runtime.seconds.total} s`)
console.table(runtimeTable(runtime))
writeFileSync(new URL('results.json', import.meta.url), JSON.stringify({ date: new Date().toISOString(), size, runtime }, null, 2) + '\n')
