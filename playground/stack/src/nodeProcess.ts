import { spawn, type ChildProcess } from 'node:child_process'
import { once } from 'node:events'
import type { AppServer } from './startApp'
import { stopChild } from './stopChild'

export interface NodeProcessOptions {
  /** The folder it runs in, as a user runs it in theirs. */
  cwd: string
  /** Added to this process's environment, less the test runner's own (VITEST*, NODE_ENV): the app chooses its mode. */
  env: Record<string, string | undefined>
  /** What it is, for errors: "the better-auth app's server". */
  what: string
}

/** This process's environment without the test runner's: a build or a server started by a test runs as a user's would. */
function childEnv(env: NodeProcessOptions['env']): NodeJS.ProcessEnv {
  const own = Object.entries(process.env).filter(([name]) => !/^(VITEST|TEST$|NODE_ENV$)/.test(name))
  return { ...Object.fromEntries(own), ...env }
}

/** `node args` (a build) to its end; resolves how long it took (ms), rejects with the tail of its output when it fails. */
export async function runNode(args: string[], { cwd, env, what }: NodeProcessOptions): Promise<number> {
  const started = performance.now()
  const child = spawn(process.execPath, args, { cwd, env: childEnv(env), stdio: ['ignore', 'pipe', 'pipe'] })
  const output = collect(child)
  const [code] = await once(child, 'exit')
  if (code !== 0) throw new Error(`${what} exited with code ${code}:\n${output()}`)
  return performance.now() - started
}

/** A server, `node args`, ready once `url` answers 200 (within 120 s); `close` stops it by its own pid. */
export async function startNodeServer(
  args: string[],
  url: string,
  { cwd, env, what }: NodeProcessOptions,
): Promise<AppServer> {
  const child = spawn(process.execPath, args, { cwd, env: childEnv(env), stdio: ['ignore', 'pipe', 'pipe'] })
  const output = collect(child)
  const exited = once(child, 'exit')
  const close = () => stopChild(child, exited)
  let gone = false
  void exited.then(() => (gone = true))
  for (const deadline = Date.now() + 120_000; ;) {
    if (gone) throw new Error(`${what} exited with code ${child.exitCode}:\n${output()}`)
    const status = await fetch(url, { signal: AbortSignal.timeout(30_000) }).then(
      (response) => response.status,
      () => 0,
    )
    if (status == 200) break
    if (Date.now() > deadline) {
      await close()
      throw new Error(`${what} did not answer 200 on ${url} within 120 s:\n${output()}`)
    }
    await new Promise((resolve) => setTimeout(resolve, 250))
  }
  return { url, close }
}

/** The last 20,000 characters a child wrote, for its error. */
function collect(child: ChildProcess): () => string {
  let output = ''
  for (const stream of [child.stdout!, child.stderr!])
    stream.on('data', (chunk: Buffer) => (output = (output + chunk).slice(-20_000)))
  return () => output
}
