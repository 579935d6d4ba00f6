// Sums the vitest JSON reports every workspace wrote and prints CI's closing line: "N passed, N failed".
import { readdirSync, readFileSync, existsSync } from 'node:fs'
import { join } from 'node:path'

const root = new URL('..', import.meta.url).pathname
const workspaces = ['packages', 'playground'].flatMap((dir) =>
  existsSync(join(root, dir)) ? readdirSync(join(root, dir)).map((name) => join(dir, name)) : [],
)
workspaces.push('test', 'bench')

let passed = 0
let failed = 0
for (const workspace of workspaces) {
  const file = join(root, workspace, '.test-results.json')
  if (!existsSync(file)) continue
  const report = JSON.parse(readFileSync(file, 'utf8'))
  // A test that did not run (its file's setup failed, or it was skipped) is a failure: the suite skips nothing.
  const notRun = report.numPendingTests
  passed += report.numPassedTests
  failed += report.numFailedTests + notRun
  console.log(`${workspace}: ${report.numPassedTests} passed, ${report.numFailedTests + notRun} failed${notRun ? ` (${notRun} did not run)` : ''}`)
}
console.log(`${passed} passed, ${failed} failed`)
process.exit(failed > 0 || passed === 0 ? 1 : 0)
