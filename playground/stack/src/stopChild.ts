import type { ChildProcess } from 'node:child_process'

/** Stops a server the playground started, by its own pid: SIGTERM, then SIGKILL if it is still there 5 s later. */
export async function stopChild(child: ChildProcess, exited: Promise<unknown>): Promise<void> {
  if (child.exitCode != null || child.signalCode != null) return
  child.kill('SIGTERM')
  const timer = setTimeout(() => child.kill('SIGKILL'), 5000)
  await exited
  clearTimeout(timer)
}
