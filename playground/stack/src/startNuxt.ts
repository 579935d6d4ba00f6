import { spawn, type ChildProcess } from 'node:child_process'
import { once } from 'node:events'
import { existsSync } from 'node:fs'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { LogLevel } from 'vite'
import type { PlaygroundConfig } from '@widgent/playground-shared'
import type { AppServer } from './startApp'
import { stopChild } from './stopChild'
import { untilServing } from './untilServing'

export interface StartNuxtOptions {
  port: number
  backendUrl: string
  /** What the pages get. */
  config: PlaygroundConfig
  /** What the app's token route gets (runtime config, never sent to a page). */
  server: { apiUrl: string; verificationSecret: string }
  /** `'dev'`: `nuxi dev`; `'build'`: `nuxi build` into a temporary folder, then the built Node server, as the app ships. */
  mode: 'dev' | 'build'
  logLevel: LogLevel
}

const APP_DIR = fileURLToPath(new URL('../../nuxt/', import.meta.url))
const NUXI = join(dirname(createRequire(join(APP_DIR, 'package.json')).resolve('nuxt/package.json')), 'bin/nuxt.mjs')
const READY_WITHIN_MS = 120_000

/**
 * The Nuxt app on 127.0.0.1:`port`. It takes everything from environment variables, as a deployed Nuxt app does:
 * the module's runtime config (`NUXT_PUBLIC_WIDGENT_*`, `NUXT_WIDGENT_*`) and the backend's URL (`NUXT_BACKEND_URL`).
 */
export async function startNuxt({
  port,
  backendUrl,
  config,
  server,
  mode,
  logLevel,
}: StartNuxtOptions): Promise<AppServer> {
  const env: NodeJS.ProcessEnv = {
    // Not the test runner's: Nuxt would build and run in its test mode.
    ...Object.fromEntries(Object.entries(process.env).filter(([name]) => !/^(VITEST|TEST$|NODE_ENV$)/.test(name))),
    NUXT_PUBLIC_WIDGENT_PRODUCT_ID: config.productId,
    NUXT_PUBLIC_WIDGENT_SERVICE_KEY: config.serviceKey,
    NUXT_PUBLIC_WIDGENT_SCRIPT_URL: config.scriptUrl ?? '',
    NUXT_WIDGENT_API_URL: server.apiUrl,
    NUXT_WIDGENT_VERIFICATION_SECRET: server.verificationSecret,
    NUXT_BACKEND_URL: backendUrl,
    NUXT_TELEMETRY_DISABLED: '1',
  }
  const quiet = logLevel != 'info'
  let out: string | undefined
  let child: ChildProcess
  if (mode == 'dev') {
    child = spawn(
      process.execPath,
      [NUXI, 'dev', '--host', '127.0.0.1', '--port', String(port), '--logLevel', quiet ? 'silent' : 'info'],
      {
        cwd: APP_DIR,
        env,
        stdio: ['ignore', 'inherit', 'inherit'],
      },
    )
  } else {
    // Built without the product or the secret: the server reads them when it starts, so none is in the bundle.
    const buildEnv = Object.fromEntries(
      Object.entries(env).filter(
        ([name]) => !name.startsWith('NUXT_WIDGENT') && !name.startsWith('NUXT_PUBLIC_WIDGENT'),
      ),
    )
    // The app's tsconfig.json refers to the .nuxt/ tsconfigs in its own folder, and the build's Vue transform fails
    // without them. `nuxi typecheck` and `nuxi dev` write them; a fresh clone has none until one of those ran.
    if (!existsSync(join(APP_DIR, '.nuxt/tsconfig.app.json')))
      await run([NUXI, 'prepare'], { ...buildEnv, NODE_ENV: 'production' })
    out = await mkdtemp(join(tmpdir(), 'widgent-playground-nuxt-'))
    const started = performance.now()
    await run([NUXI, 'build'], { ...buildEnv, NODE_ENV: 'production', PLAYGROUND_NUXT_OUTPUT: out }).catch(
      async (error) => {
        await rm(out!, { recursive: true, force: true })
        throw error
      },
    )
    if (logLevel != 'silent')
      console.info(`[playground] nuxi build: ${((performance.now() - started) / 1000).toFixed(1)} s`)
    child = spawn(process.execPath, [join(out, '.output/server/index.mjs')], {
      cwd: APP_DIR,
      env: { ...env, NODE_ENV: 'production', HOST: '127.0.0.1', PORT: String(port) },
      stdio: ['ignore', quiet ? 'ignore' : 'inherit', 'inherit'],
    })
  }
  const exited = once(child, 'exit')
  const close = async () => {
    await stopChild(child, exited)
    if (out) await rm(out, { recursive: true, force: true })
  }
  const url = `http://127.0.0.1:${port}/`
  const outcome = await Promise.race([
    untilServing(url, READY_WITHIN_MS),
    exited.then(([code]) => `exited with code ${code}`),
  ])
  if (outcome) {
    await close()
    throw new Error(`The Nuxt app's ${mode == 'dev' ? 'dev server' : 'server'} ${outcome}: see its output above.`)
  }
  return { url, close }
}

/** Runs `node args` in the app's folder; rejects with its output when it fails. */
async function run(args: string[], env: NodeJS.ProcessEnv): Promise<void> {
  const child = spawn(process.execPath, args, { cwd: APP_DIR, env, stdio: ['ignore', 'pipe', 'pipe'] })
  let output = ''
  child.stdout!.on('data', (chunk) => (output += chunk))
  child.stderr!.on('data', (chunk) => (output += chunk))
  const [code] = await once(child, 'exit')
  if (code !== 0) throw new Error(`nuxi ${args[1]} exited with code ${code}:\n${output.slice(-4000)}`)
}
