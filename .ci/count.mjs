// CI's closing line, "N passed, N failed, N skipped", from the vitest JSON reports (`.test-results.json`) this run
// wrote. Every workspace whose package.json has a `test` script must have written one: a runner that crashed before
// writing, or a workspace turbo never ran, is a failure by name, never a silent zero.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { join, relative } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'

/** The workspaces of the monorepo at `root` (its package.json's `workspaces`: plain paths and `dir/*`). */
export function workspaces(root) {
  const { workspaces: patterns = [] } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'))
  return patterns
    .flatMap((pattern) => {
      if (!pattern.endsWith('/*')) return [pattern]
      const dir = pattern.slice(0, -2)
      return existsSync(join(root, dir)) ? readdirSync(join(root, dir)).map((name) => `${dir}/${name}`) : []
    })
    .filter((workspace) => existsSync(join(root, workspace, 'package.json')))
}

/**
 * Sums the reports (`report`, in each workspace whose path starts with `under`) of every workspace with a `test` script.
 * A report older than `since` (ms since the epoch) is from an earlier run and counts as missing. A file that failed outside its tests (it did not load, or a hook threw) counts
 * as one failure; the tests a thrown `beforeAll` never ran count as skipped, as vitest marks them. Each failure is named.
 */
export function countResults(root, { since = 0, report = '.test-results.json', under = '' } = {}) {
  const totals = { passed: 0, failed: 0, skipped: 0 }
  const lines = []
  const name = (workspace) => (report == '.test-results.json' ? workspace : `${workspace} (${report})`)
  for (const workspace of workspaces(root).filter((workspace) => workspace.startsWith(under))) {
    const { scripts = {} } = JSON.parse(readFileSync(join(root, workspace, 'package.json'), 'utf8'))
    if (!scripts.test) continue
    const file = join(root, workspace, report)
    if (!existsSync(file) || statSync(file).mtimeMs < since) {
      totals.failed++
      lines.push(`${name(workspace)}: FAILED, wrote no ${report} in this run (did its runner crash, or not run?)`)
      continue
    }
    const results = JSON.parse(readFileSync(file, 'utf8'))
    const brokenFiles = results.testResults.filter(
      (result) => result.status == 'failed' && !result.assertionResults.some((test) => test.status == 'failed'),
    )
    const passed = results.numPassedTests
    const failed = results.numFailedTests + brokenFiles.length
    const skipped = results.numPendingTests + results.numTodoTests
    totals.passed += passed
    totals.failed += failed
    totals.skipped += skipped
    lines.push(`${name(workspace)}: ${passed} passed, ${failed} failed, ${skipped} skipped`)
    // Each failed test by name, with its message's first lines (a property test's seed is on the second): CI's log
    // keeps only its tail, and this is the tail.
    for (const result of results.testResults)
      for (const test of result.assertionResults.filter((test) => test.status == 'failed')) {
        // The message, cut where the stack's frames begin.
        const [message] = (test.failureMessages[0] ?? '').split(/\n\s+at /)
        const shown = message.split('\n').filter((line) => line.trim())
        lines.push(
          `  ${relative(root, result.name)} > ${test.fullName}`,
          ...shown.slice(0, 3).map((line) => `    ${line}`),
        )
      }
    for (const broken of brokenFiles) {
      lines.push(
        `  ${relative(root, broken.name)} failed outside its tests: ${broken.message.split('\n')[0] || 'a hook threw'}`,
      )
    }
  }
  lines.push(`${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`)
  return { ...totals, lines }
}

// `node .ci/count.mjs <start of the run, ms> [<report>:<workspaces' path prefix>]...`: every workspace's
// .test-results.json, then each further set of reports (the unit suites on another Node line); one closing line for all.
if (process.argv[1] && import.meta.url == pathToFileURL(process.argv[1]).href) {
  const root = fileURLToPath(new URL('..', import.meta.url))
  const since = Number(process.argv[2] ?? 0)
  const sets = [
    countResults(root, { since }),
    ...process.argv.slice(3).map((set) => {
      const [report, under] = set.split(':')
      return countResults(root, { since, report, under })
    }),
  ]
  for (const { lines } of sets) for (const line of lines.slice(0, -1)) console.log(line)
  const total = (key) => sets.reduce((sum, set) => sum + set[key], 0)
  console.log(`${total('passed')} passed, ${total('failed')} failed, ${total('skipped')} skipped`)
  process.exit(total('failed') > 0 || total('passed') == 0 ? 1 : 0)
}
