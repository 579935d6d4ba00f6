import { updateReadmes, writeResult } from './figures/updateReadmes'
import { sizeTable } from './size/sizeTable'

// `npm run figures`: weighs every entry again into bench/results/size.json (a few seconds), then puts bench/results/*.json
// in the READMEs. `npm run bench` and `npm run race -w @widgent/core` write the other results.
writeResult('size', await sizeTable())
const changed = updateReadmes({ write: true })
console.log(
  changed.length
    ? `Figures updated: ${changed.map(({ figure }) => figure).join(', ')}`
    : 'Every README already has the figures of bench/results.',
)
