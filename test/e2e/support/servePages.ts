import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'

export type Route =
  | ((req: IncomingMessage, res: ServerResponse) => void | Promise<void>)
  | { type: string; body: string; headers?: Record<string, string> }

export interface PageServer {
  /** e.g. `http://127.0.0.1:41234`, no trailing slash: an origin of its own. */
  url: string
  close(): Promise<void>
}

/** The suite's own pages, on 127.0.0.1 and a free port: each path answers its route; anything else is a 404. */
export async function servePages(routes: Record<string, Route>): Promise<PageServer> {
  const server = createServer(async (req, res) => {
    const route = routes[new URL(req.url!, 'http://x').pathname]
    if (!route) return void res.writeHead(404).end()
    if (typeof route == 'function') return route(req, res)
    res.writeHead(200, { 'Content-Type': route.type, 'Cache-Control': 'no-store', ...route.headers }).end(route.body)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close() {
      server.closeAllConnections()
      return new Promise((resolve) => server.close(() => resolve()))
    },
  }
}
