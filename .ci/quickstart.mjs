// The root README's "Try it" and "Quick start" commands, run as a new user would right after `npm ci` in a fresh clone
// (.ci/run runs this before anything is built), each checked to answer. A command this script does not know fails it:
// a README change that adds one says here how to check it.
import { spawn } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { createInterface } from 'node:readline'

const root = new URL('..', import.meta.url)
const readme = readFileSync(new URL('README.md', root), 'utf8')
const section = (title) => readme.split(/^## /m).find((part) => part.startsWith(`${title}\n`)) ?? ''

// "Quick start": its inline npx commands, first, while nothing is built yet; "Try it": its sh block's lines (each
// `npm install && <command>   # what it does`).
const commands = new Set([
  ...[...section('Quick start').matchAll(/`(npx [^`]+)`/g)].map(([, command]) => command),
  ...[...section('Try it').matchAll(/^```sh\n([\s\S]*?)```/gm)].flatMap(([, block]) =>
    block.split('\n').flatMap((line) =>
      line
        .replace(/#.*/, '')
        .split('&&')
        .map((part) => part.trim())
        .filter(Boolean),
    ),
  ),
])

const SECOND = 1000
/** How each command is checked. `npm ci` stood in for `npm install`, and `npm test` is CI's next step. */
const checks = {
  'npm install': null,
  'npm test': null,
  // The README's port is 4010; a free one here, since the machine may be running a playground.
  'npx widgent-emulator': () =>
    serves('npx widgent-emulator --port 0', /listening on (http:\S+)/, (url) => [`${url}/widget.js`], 180 * SECOND),
  'npm run playground': () =>
    serves(
      'npm run playground',
      /^\s+Next\.js\s+(http:\S+)/,
      (_, lines) =>
        lines.flatMap((line) => line.match(/^\s+(?:React|Vue|Svelte|Nuxt|Next\.js)\s+(http:\S+)/)?.[1] ?? []),
      600 * SECOND,
    ),
}

let failed = false
for (const command of commands) {
  if (!(command in checks)) {
    console.log(`quick start: "${command}" is in the README, and .ci/quickstart.mjs does not know how to check it`)
    failed = true
    continue
  }
  if (!checks[command]) continue
  const started = performance.now()
  try {
    const answered = await checks[command]()
    console.log(
      `quick start: ${command}: ${answered.join(', ')} answered 200 (${Math.round((performance.now() - started) / SECOND)} s)`,
    )
  } catch (error) {
    console.log(`quick start: ${command}: ${error.message}`)
    failed = true
  }
}
process.exit(failed ? 1 : 0)

/**
 * Starts `command` in a process group of its own, waits for the line matching `ready`, GETs the URLs `urls` picks
 * from it (and the lines before), expects 200 from each, then stops the group it started.
 */
function serves(command, ready, urls, timeout) {
  const child = spawn(command, {
    cwd: root,
    shell: true,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, TURBO_TELEMETRY_DISABLED: '1' },
  })
  const lines = []
  const stop = () => {
    try {
      process.kill(-child.pid, 'SIGTERM')
    } catch {
      // already gone
    }
  }
  return new Promise((resolve, reject) => {
    const timer = setTimeout(
      () =>
        reject(
          new Error(
            `no line matching ${ready} within ${timeout / SECOND} s; it printed:\n${lines.slice(-20).join('\n')}`,
          ),
        ),
      timeout,
    )
    child.once('exit', (code) =>
      reject(new Error(`exited with ${code} before it was ready; it printed:\n${lines.slice(-20).join('\n')}`)),
    )
    createInterface(child.stderr).on('line', (line) => lines.push(line))
    createInterface(child.stdout).on('line', async (line) => {
      lines.push(line)
      const match = ready.exec(line)
      if (!match) return
      clearTimeout(timer)
      try {
        const picked = urls(match[1], lines)
        for (const url of picked) {
          const response = await fetch(url, { signal: AbortSignal.timeout(120 * SECOND) })
          if (response.status != 200) throw new Error(`${url} answered ${response.status}`)
        }
        resolve(picked)
      } catch (error) {
        reject(error)
      }
    })
  }).finally(async () => {
    stop()
    // The group's servers close within seconds; then nothing of it is left.
    await new Promise((resolve) => setTimeout(resolve, 5 * SECOND))
    try {
      process.kill(-child.pid, 'SIGKILL')
    } catch {
      // gone
    }
  })
}
