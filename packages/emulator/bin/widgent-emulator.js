#!/usr/bin/env node
// `widgent-emulator`: the built command, dist/cli.js. npm links a package's bin as it installs, before anything is built, so the
// bin is this committed file. In a clone of the kit's repository, right after `npm install`, it builds the package
// (and what it uses) first, once; an installed package has its dist and goes straight on.
import { execFileSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

const cli = new URL('../dist/cli.js', import.meta.url)
const repository = new URL('../../../', import.meta.url)
if (!existsSync(cli)) {
  if (!existsSync(new URL('../src/cli.ts', import.meta.url)) || !existsSync(new URL('turbo.json', repository))) {
    console.error('@widgent/emulator has no dist/cli.js: install the package again.')
    process.exit(1)
  }
  console.error('@widgent/emulator is not built yet in this clone: building it first (once)...')
  execFileSync('npx', ['turbo', 'run', 'build', '--filter=@widgent/emulator', '--output-logs=errors-only'], {
    cwd: fileURLToPath(repository),
    stdio: ['ignore', 'inherit', 'inherit'],
    env: { ...process.env, TURBO_TELEMETRY_DISABLED: '1' },
  })
}
await import(cli.href)
