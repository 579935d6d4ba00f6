import { createServer } from 'node:net'

/** `preferred` when it is free on 127.0.0.1 (0: none preferred), otherwise a free port the system picks. */
export async function pickPort(preferred: number): Promise<number> {
  const tryPort = (port: number) =>
    new Promise<number | null>((resolve) => {
      const server = createServer()
      server.once('error', () => resolve(null))
      server.listen(port, '127.0.0.1', () => {
        const { port: bound } = server.address() as { port: number }
        server.close(() => resolve(bound))
      })
    })
  const port = (preferred && (await tryPort(preferred))) || (await tryPort(0))
  if (!port) throw new Error('No free port on 127.0.0.1.')
  return port
}
