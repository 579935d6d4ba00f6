import { execFile } from 'node:child_process'
import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { countResults } from '../.ci/count.mjs'

const vitest = fileURLToPath(new URL('../node_modules/vitest/vitest.mjs', import.meta.url))

// A monorepo in a temporary directory, each workspace one way a run can go; the reports are written by vitest itself
// (the JSON reporter CI reads), so a change in its format shows here.
const workspaces: Record<string, { test?: boolean; files?: Record<string, string> }> = {
  'packages/fine': {
    files: {
      'fine.test.js': `it('one', () => {}); it('two', () => {}); it.skip('later', () => {})`,
    },
  },
  'packages/broken': {
    files: {
      'loads.test.js': `it('runs', () => {})`,
      'missing.test.js': `import './nowhere.js'; it('never runs', () => {})`,
    },
  },
  'packages/hook': {
    files: {
      'hook.test.js': `describe('setup', () => { beforeAll(() => { throw new Error('no database') }); it('a', () => {}); it('b', () => {}) }); it('outside', () => {})`,
    },
  },
  'packages/red': {
    files: {
      'red.test.js': `describe('sums', () => { it('adds', () => { expect(1 + 1).toBe(3) }) }); it('holds', () => {})`,
    },
  },
  // Its runner never wrote a report (it crashed, or turbo never ran it).
  'packages/silent': {},
  // Its report is from an earlier run.
  'packages/stale': { files: { 'old.test.js': `it('passed yesterday', () => {})` } },
  'packages/untested': { test: false },
}

let root: string
const run = promisify(execFile)

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'count-'))
  writeFileSync(join(root, 'package.json'), JSON.stringify({ workspaces: ['packages/*'] }))
  for (const [workspace, { test = true, files = {} }] of Object.entries(workspaces)) {
    mkdirSync(join(root, workspace), { recursive: true })
    writeFileSync(
      join(root, workspace, 'package.json'),
      JSON.stringify({ scripts: test ? { test: 'vitest run' } : {} }),
    )
    for (const [name, code] of Object.entries(files)) writeFileSync(join(root, workspace, name), code)
  }
  // The child runner must not take itself for a worker of this one.
  const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('VITEST')))
  await Promise.all(
    Object.entries(workspaces)
      .filter(([, { files }]) => files)
      .map(([workspace]) =>
        run(
          process.execPath,
          [
            vitest,
            'run',
            '--root',
            join(root, workspace),
            '--globals',
            '--reporter=json',
            '--outputFile=.test-results.json',
          ],
          { env },
        ).catch(
          // a failing run exits 1 and still writes its report
          (error: { code?: number }) => expect(error.code).toBe(1),
        ),
      ),
  )
  const yesterday = new Date(Date.now() - 86_400_000)
  utimesSync(join(root, 'packages/stale/.test-results.json'), yesterday, yesterday)
}, 60_000)
afterAll(() => root && rmSync(root, { recursive: true, force: true }))

describe('CI closing line (.ci/count.mjs)', () => {
  it('counts passed, failed and skipped tests, each workspace by name', () => {
    const { lines } = countResults(root, { since: Date.now() - 3_600_000 })
    expect(lines).toContain('packages/fine: 2 passed, 0 failed, 1 skipped')
    expect(lines.at(-1)).toBe('5 passed, 5 failed, 3 skipped')
    expect(lines.join('\n')).not.toContain('untested')
  })

  it('fails a workspace with a test script and no report of this run, by name', () => {
    const { lines } = countResults(root, { since: Date.now() - 3_600_000 })
    expect(lines).toContain(
      'packages/silent: FAILED, wrote no .test-results.json in this run (did its runner crash, or not run?)',
    )
    expect(lines).toContain(
      'packages/stale: FAILED, wrote no .test-results.json in this run (did its runner crash, or not run?)',
    )
  })

  it('counts a test file that fails to load as a failure, naming it', () => {
    const { lines } = countResults(root)
    expect(lines).toContain('packages/broken: 1 passed, 1 failed, 0 skipped')
    expect(lines.find((line) => line.includes('missing.test.js'))).toMatch(
      /^ {2}packages\/broken\/missing\.test\.js failed outside its tests: .*nowhere\.js/,
    )
  })

  it('names each failed test, with the first lines of its message', () => {
    const { lines } = countResults(root)
    const at = lines.indexOf('packages/red: 1 passed, 1 failed, 0 skipped')
    expect(lines.slice(at + 1, at + 4)).toEqual([
      '  packages/red/red.test.js > sums adds',
      '    AssertionError: expected 2 to be 3 // Object.is equality',
      expect.not.stringMatching(/^ {4}/), // the message's first line is all it has; no stack frames
    ])
  })

  it('counts a thrown beforeAll as a failure and the tests it kept from running as skipped', () => {
    const { lines } = countResults(root)
    expect(lines).toContain('packages/hook: 1 passed, 1 failed, 2 skipped')
    expect(lines).toContain('  packages/hook/hook.test.js failed outside its tests: a hook threw')
  })

  it('counts another set of reports, in the workspaces under a path, by its file name', () => {
    const { lines } = countResults(root, { report: '.test-results.json', under: 'packages/f' })
    expect(lines).toEqual(['packages/fine: 2 passed, 0 failed, 1 skipped', '2 passed, 0 failed, 1 skipped'])
    expect(countResults(root, { report: '.test-results.node24.json', under: 'packages/fine' }).lines[0]).toBe(
      'packages/fine (.test-results.node24.json): FAILED, wrote no .test-results.node24.json in this run (did its runner crash, or not run?)',
    )
  })

  it('takes a report of an earlier run when no start time is given', () => {
    expect(countResults(root).lines).toContain('packages/stale: 1 passed, 0 failed, 0 skipped')
  })
})
