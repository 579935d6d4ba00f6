import { spawn, type ChildProcess } from 'node:child_process'
import { once } from 'node:events'
import { createRequire } from 'node:module'
import { fileURLToPath } from 'node:url'
import type { AppServer } from './startApp'
import type { WidgentService } from './serviceFromEnv'
import { stopChild } from './stopChild'

/** The Next.js app's folder: `next` runs there, as a user runs it in theirs. */
export const NEXT_APP_DIR = fileURLToPath(new URL('../../next/', import.meta.url))
const NEXT_BIN = createRequire(NEXT_APP_DIR).resolve('next/dist/bin/next')

/** Which Next.js app, and what else its server reads (an auth library's secret, say). */
export interface NextAppOptions {
  /** The app's folder: the playground's Next.js app by default. */
  dir?: string
  env?: Record<string, string>
}

/**
 * What the Next.js app reads, as a user sets it in `.env.local`: the page's ids once, as NEXT_PUBLIC_WIDGENT_* (the
 * token route takes the product id from there too), and the server's secret and API. Next.js writes the
 * NEXT_PUBLIC_ values into the build, so `next build` needs them as much as `next start` does.
 */
export function nextAppEnv({
  apiUrl,
  scriptUrl,
  productId,
  serviceKey,
  verificationSecret,
}: WidgentService): NodeJS.ProcessEnv {
  return {
    ...process.env,
    NEXT_TELEMETRY_DISABLED: '1',
    // Not set: the token route falls back to NEXT_PUBLIC_WIDGENT_PRODUCT_ID, and a stray value from the shell would differ.
    WIDGENT_PRODUCT_ID: undefined,
    NEXT_PUBLIC_WIDGENT_PRODUCT_ID: productId,
    NEXT_PUBLIC_WIDGENT_SERVICE_KEY: serviceKey,
    NEXT_PUBLIC_WIDGENT_SCRIPT_URL: scriptUrl ?? '',
    WIDGENT_API_URL: apiUrl,
    WIDGENT_VERIFICATION_SECRET: verificationSecret,
  }
}

/** Runs `next <args>` in the app's folder; its output goes to ours when `quiet` is false, and into errors anyway. */
function next(
  args: string[],
  env: NodeJS.ProcessEnv,
  quiet: boolean,
  dir = NEXT_APP_DIR,
): { child: ChildProcess; output: () => string } {
  const child = spawn(process.execPath, [NEXT_BIN, ...args], { cwd: dir, env, stdio: ['ignore', 'pipe', 'pipe'] })
  let output = ''
  for (const stream of [child.stdout!, child.stderr!]) {
    stream.on('data', (chunk: Buffer) => {
      output = (output + chunk).slice(-20_000)
      if (!quiet) process.stdout.write(chunk)
    })
  }
  return { child, output: () => output }
}

/** `next build` (Turbopack, or webpack with `--webpack`), as a user's CI runs it; resolves how long it took. */
export async function buildNextApp(
  service: WidgentService,
  {
    bundler = 'turbopack',
    quiet = true,
    dir,
    env,
  }: { bundler?: 'turbopack' | 'webpack'; quiet?: boolean } & NextAppOptions = {},
): Promise<number> {
  const started = performance.now()
  const { child, output } = next(
    ['build', ...(bundler == 'webpack' ? ['--webpack'] : [])],
    { ...nextAppEnv(service), ...env },
    quiet,
    dir,
  )
  const [code] = await once(child, 'exit')
  if (code !== 0) throw new Error(`next build (${bundler}) exited with code ${code}:\n${output()}`)
  return performance.now() - started
}

/**
 * `next dev` (the playground) or `next start` (a build's production server, for the end-to-end suite) on
 * 127.0.0.1:`port`, ready once it answers a request. `close` stops it by its own pid.
 */
export async function startNextApp(
  command: 'dev' | 'start',
  {
    port,
    service,
    quiet = true,
    dir,
    env,
  }: { port: number; service: WidgentService; quiet?: boolean } & NextAppOptions,
): Promise<AppServer> {
  const url = `http://127.0.0.1:${port}/`
  const { child, output } = next(
    [command, '-H', '127.0.0.1', '-p', String(port)],
    { ...nextAppEnv(service), ...env },
    quiet,
    dir,
  )
  const exited = once(child, 'exit')
  const close = () => stopChild(child, exited)
  let gone = false
  void exited.then(() => (gone = true))
  // Polled rather than read from its output: the first answer also means the page has been compiled (`next dev`).
  for (const deadline = Date.now() + 120_000; ;) {
    if (gone) throw new Error(`next ${command} exited with code ${child.exitCode}:\n${output()}`)
    const answered = await fetch(url, { signal: AbortSignal.timeout(60_000) }).then(
      () => true,
      () => false,
    )
    if (answered) break
    if (Date.now() > deadline) {
      await close()
      throw new Error(`next ${command} did not answer on ${url} within 120 s:\n${output()}`)
    }
    await new Promise((resolve) => setTimeout(resolve, 200))
  }
  return { url, close }
}
