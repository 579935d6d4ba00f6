import { fork } from 'node:child_process'
import { once } from 'node:events'
import { fileURLToPath } from 'node:url'
import type { ServeAppOptions } from './serveApp'
import { stopChild } from './stopChild'

export interface AppServer {
  /** With a trailing slash. */
  url: string
  /** Stops the dev server and waits for its process to exit. */
  close(): Promise<void>
}

/** One app's dev server, in a child process of its own (see `serveApp.ts`), on 127.0.0.1:`port`. */
export async function startApp(name: string, options: ServeAppOptions): Promise<AppServer> {
  const child = fork(fileURLToPath(new URL('./serveApp.ts', import.meta.url)), [JSON.stringify(options)], {
    cwd: fileURLToPath(new URL(`../../${name}/`, import.meta.url)),
    execArgv: ['--import', import.meta.resolve('tsx')],
    // A stdin pipe of its own that nobody ends: Vite stops when its stdin ends.
    stdio: ['pipe', 'inherit', 'inherit', 'ipc'],
  })
  const exited = once(child, 'exit')
  const close = () => stopChild(child, exited)
  const ready = once(child, 'message')
  const outcome = await Promise.race([ready.then(() => 'ready'), exited.then(([code]) => `exited with code ${code}`)])
  if (outcome != 'ready') {
    await close()
    throw new Error(`The ${name} app's dev server ${outcome}: see its output above.`)
  }
  return { url: `http://127.0.0.1:${options.port}/`, close }
}
