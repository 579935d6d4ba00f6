// A child process that runs one app's Vite dev server, started by `startApp` with the app's folder as its
// working directory (SvelteKit reads its project from process.cwd(), so each app gets a process of its own).
import { createServer, type LogLevel } from 'vite'
import type { PlaygroundConfig } from '@widgent/playground-shared'

/** What `startApp` sends the child. */
export interface ServeAppOptions {
  port: number
  backendUrl: string
  /** Where `/api/widgent-token` goes instead of the backend (the FastAPI token route). */
  tokenRouteUrl?: string
  config: PlaygroundConfig
  logLevel: LogLevel
  /** Watch files and update pages (development); off for tests, so a rebuild elsewhere never reloads a page mid-test. */
  watch: boolean
}

const { port, backendUrl, tokenRouteUrl, config, logLevel, watch } = JSON.parse(process.argv[2]!) as ServeAppOptions
const root = process.cwd()
const server = await createServer({
  root,
  configFile: `${root}/vite.config.ts`,
  logLevel,
  clearScreen: false,
  // The product reaches the page as a constant; /api goes to the backend, so the session cookie is first-party (the
  // first matching proxy entry wins, so the token route may go elsewhere).
  define: { __WIDGENT_PLAYGROUND__: JSON.stringify(config) },
  server: {
    host: '127.0.0.1',
    port,
    strictPort: true,
    proxy: { ...(tokenRouteUrl && { '/api/widgent-token': tokenRouteUrl }), '/api': backendUrl },
    ...(watch ? {} : { watch: null, hmr: false }),
  },
})
await server.listen()
process.send!('ready')
// Vite stops on SIGTERM by itself; this covers a parent that died without sending one.
process.once('disconnect', () => void server.close().finally(() => process.exit()))
