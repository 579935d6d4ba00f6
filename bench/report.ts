import { writeFileSync } from 'node:fs'
import { sizeTable } from './size/sizeTable'

// `npm run bench`: one table per measure, and bench/results.json.
const size = await sizeTable()
console.log('Bundle size (esbuild --bundle --minify --format=esm, gzip -9), bytes')
console.table(Object.fromEntries(size.map(({ entry, ...row }) => [entry, row])))
writeFileSync(new URL('results.json', import.meta.url), JSON.stringify({ date: new Date().toISOString(), size }, null, 2) + '\n')
