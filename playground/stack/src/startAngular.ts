import { spawn, type ChildProcess } from 'node:child_process'
import { once } from 'node:events'
import { rmSync } from 'node:fs'
import { mkdtemp } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { LogLevel } from 'vite'
import type { PlaygroundConfig } from '@widgent/playground-shared'
import type { AppServer } from './startApp'
import { stopChild } from './stopChild'
import { untilServing } from './untilServing'

// ng build and its SSR server's first answer on a busy machine.
const READY_WITHIN_MS = 120_000

export interface StartAngularOptions {
  port: number
  backendUrl: string
  /** What the pages get: the server reads it as it starts and hands it to each page. */
  config: PlaygroundConfig
  /** `'dev'`: `ng serve` (server-rendered too); `'build'`: `ng build` (production, SSR) into a temporary folder, then its Node server. */
  mode: 'dev' | 'build'
  logLevel: LogLevel
}

const APP_DIR = fileURLToPath(new URL('../../angular/', import.meta.url))
const NG = join(dirname(createRequire(join(APP_DIR, 'package.json')).resolve('@angular/cli/package.json')), 'bin/ng.js')

/**
 * The Angular app on 127.0.0.1:`port`. Its server takes the product (`WIDGENT_PLAYGROUND`, JSON) and the backend's URL
 * (`BACKEND_URL`) from its environment as it starts, as a deployed Angular server does; the build holds neither.
 */
export async function startAngular({
  port,
  backendUrl,
  config,
  mode,
  logLevel,
}: StartAngularOptions): Promise<AppServer> {
  const env: NodeJS.ProcessEnv = { ...cliEnv(), WIDGENT_PLAYGROUND: JSON.stringify(config), BACKEND_URL: backendUrl }
  const quiet = logLevel != 'info'
  let child: ChildProcess
  if (mode == 'dev') {
    child = spawn(process.execPath, [NG, 'serve', '--host', '127.0.0.1', '--port', String(port)], {
      cwd: APP_DIR,
      env,
      stdio: ['ignore', quiet ? 'ignore' : 'inherit', 'inherit'],
    })
  } else {
    const out = await buildAngularApp({ logLevel })
    child = spawn(process.execPath, [join(out, 'server/server.mjs')], {
      cwd: APP_DIR,
      env: { ...env, NODE_ENV: 'production', HOST: '127.0.0.1', PORT: String(port) },
      stdio: ['ignore', quiet ? 'ignore' : 'inherit', 'inherit'],
    })
  }
  const exited = once(child, 'exit')
  const close = () => stopChild(child, exited)
  const url = `http://127.0.0.1:${port}/`
  const outcome = await Promise.race([
    untilServing(url, READY_WITHIN_MS),
    exited.then(([code]) => `exited with code ${code}`),
  ])
  if (outcome) {
    await close()
    throw new Error(
      `The Angular app's ${mode == 'dev' ? 'dev server (ng serve)' : 'server'} ${outcome}: see its output above.`,
    )
  }
  return { url, close }
}

// One build per process, whatever the emulator or backend of each server started from it (the build holds neither):
// a test file that serves the app twice (the default and the strict emulator) builds it once.
let build: Promise<string> | undefined

/**
 * `ng build` (production, SSR) into a temporary folder, removed as the process exits: once per process, so a test
 * file may build first (with a setup time of its own) and start servers from it after. Resolves the folder; rejects
 * with the build's output when it fails.
 */
export function buildAngularApp({ logLevel = 'info' }: { logLevel?: LogLevel } = {}): Promise<string> {
  build ??= ngBuild(logLevel).catch((error) => {
    build = undefined
    throw error
  })
  return build
}

async function ngBuild(logLevel: LogLevel): Promise<string> {
  const out = await mkdtemp(join(tmpdir(), 'widgent-playground-angular-'))
  process.once('exit', () => rmSync(out, { recursive: true, force: true }))
  const started = performance.now()
  // No product: the server reads it as it starts.
  const child = spawn(process.execPath, [NG, 'build', '--output-path', out], {
    cwd: APP_DIR,
    env: cliEnv(),
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  child.stdout!.on('data', (chunk) => (output += chunk))
  child.stderr!.on('data', (chunk) => (output += chunk))
  const [code] = await once(child, 'exit')
  if (code !== 0) {
    throw new Error(`ng build exited with code ${code}:\n${output.slice(-4000)}`)
  }
  if (logLevel != 'silent')
    console.info(`[playground] ng build (production, SSR): ${((performance.now() - started) / 1000).toFixed(1)} s`)
  return out
}

/** Our environment for the Angular CLI, less the test runner's (the CLI would take itself for a test run). */
const cliEnv = (): NodeJS.ProcessEnv => ({
  ...Object.fromEntries(Object.entries(process.env).filter(([name]) => !/^(VITEST|TEST$|NODE_ENV$)/.test(name))),
  NG_CLI_ANALYTICS: 'false',
})
