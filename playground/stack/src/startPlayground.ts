import { DEMO_PRODUCT, startEmulator, type Emulator } from '@widgent/emulator'
import { startBackend, type Backend } from '@widgent/playground-backend'
import type { LogLevel } from 'vite'
import { pickPort } from './pickPort'
import { serviceFromEnv } from './serviceFromEnv'
import { startApp, type AppServer } from './startApp'
import { startFastApi } from './startFastApi'
import { startNextApp } from './nextApp'
import { startNuxt } from './startNuxt'
import { startAngular } from './startAngular'

export const APPS = ['react', 'vue', 'svelte', 'nuxt', 'next', 'angular'] as const
export type AppName = (typeof APPS)[number]

// Used when free; otherwise any free port.
const DEFAULT_PORTS = {
  emulator: 4010,
  backend: 4020,
  fastapi: 4030,
  react: 5173,
  vue: 5174,
  svelte: 5175,
  nuxt: 5176,
  next: 5177,
  angular: 5178,
}

export interface PlaygroundOptions {
  /** Which apps to serve; all of them by default. */
  apps?: readonly AppName[]
  /** `'default'`: the fixed ports above when free; `'free'`: any free ports (tests). */
  ports?: 'default' | 'free'
  /** Where the `WIDGENT_*` settings come from; `process.env` by default. */
  env?: Record<string, string | undefined>
  /** The dev servers' log level; `'info'` by default. */
  logLevel?: LogLevel
  /** How long the backend's session, login and logout take (ms). */
  authLatencyMs?: number
  /** Whether the dev servers watch files and update open pages; `true` by default, `false` for tests. */
  watch?: boolean
  /** How the Nuxt app runs: `'dev'` (`nuxi dev`, the default), or `'build'` (`nuxi build`, then its Node server, as it ships). */
  nuxt?: 'dev' | 'build'
  /** How the Angular app runs: `'dev'` (`ng serve`, the default), or `'build'` (`ng build`, production with SSR, then its Node server). */
  angular?: 'dev' | 'build'
  /** Starts the emulator in strict mode: only what the vendor page documents (see the emulator's README). */
  strict?: boolean
  /**
   * Who answers the React, Vue and Svelte apps' `/api/widgent-token`: the demo backend's `@widgent/server` route
   * (`'node'`, the default), or the vendor page's FastAPI example under uvicorn (`'fastapi'`: needs Python with
   * FastAPI, uvicorn and requests). The session stays the demo backend's either way.
   */
  tokenRoute?: 'node' | 'fastapi'
}

export interface Playground {
  /** The local emulator, unless `WIDGENT_API_URL` points at the real service. */
  emulator: Emulator | null
  backend: Backend
  /** The FastAPI token route's URL (with a trailing slash) when `tokenRoute` is `'fastapi'`. */
  fastapi: string | null
  /** Each started app's URL, with a trailing slash. */
  apps: Partial<Record<AppName, string>>
  /** Stops every server it started. */
  close(): Promise<void>
}

/**
 * The playground: the emulator (faults enabled), the demo backend and the apps' servers (Vite's; Nuxt's own; the
 * Next.js app's `next dev`, with route handlers of its own instead of the demo backend; the Angular CLI's), all on
 * 127.0.0.1.
 * `npm run playground` and the end-to-end suite both start it this way.
 */
export async function startPlayground({
  apps = APPS,
  ports = 'default',
  env = process.env,
  logLevel = 'info',
  authLatencyMs,
  watch = true,
  nuxt = 'dev',
  angular = 'dev',
  strict = false,
  tokenRoute = 'node',
}: PlaygroundOptions = {}): Promise<Playground> {
  // Ports are picked one after another, never the same twice, before anything else can take them.
  const picked = new Set<number>()
  const port = async (name: keyof typeof DEFAULT_PORTS) => {
    let found = await pickPort(ports == 'default' ? DEFAULT_PORTS[name] : 0)
    while (picked.has(found)) found = await pickPort(0)
    picked.add(found)
    return found
  }
  const closers: Array<() => Promise<void>> = []
  const close = async () => {
    await Promise.allSettled(
      closers
        .splice(0)
        .reverse()
        .map((close) => close()),
    )
  }
  try {
    // WIDGENT_API_URL: the real service. Otherwise everything is the local emulator's, with its demo product.
    const real = serviceFromEnv(env)
    const emulator = real ? null : await startEmulator({ port: await port('emulator'), faults: true, strict })
    if (emulator) closers.push(() => emulator.close())
    const { apiUrl, scriptUrl, productId, serviceKey, verificationSecret } = real ?? {
      ...DEMO_PRODUCT,
      apiUrl: emulator!.url,
      scriptUrl: `${emulator!.url}/widget.js`,
    }

    const backend = await startBackend({
      port: await port('backend'),
      apiUrl,
      productId,
      verificationSecret,
      latencyMs: authLatencyMs,
    })
    closers.push(() => backend.close())
    const fastapi =
      tokenRoute == 'fastapi'
        ? await startFastApi({
            port: await port('fastapi'),
            backendUrl: backend.url,
            service: { apiUrl, productId, verificationSecret },
            quiet: logLevel != 'info',
          })
        : null
    if (fastapi) closers.push(fastapi.close)

    // What the pages get: never the verification secret.
    const config = { productId, serviceKey, scriptUrl }
    const appPorts: number[] = []
    for (const name of apps) appPorts.push(await port(name))
    const service = { apiUrl, scriptUrl, productId, serviceKey, verificationSecret }
    // Nuxt and Next.js run their own servers; the Vite apps share one way to start.
    const startOne = (name: AppName, port: number) => {
      if (name == 'nuxt')
        return startNuxt({
          port,
          backendUrl: backend.url,
          config,
          server: { apiUrl, verificationSecret },
          mode: nuxt,
          logLevel,
        })
      if (name == 'next')
        return startNextApp('dev', { port, service, quiet: logLevel == 'error' || logLevel == 'silent' })
      if (name == 'angular') return startAngular({ port, backendUrl: backend.url, config, mode: angular, logLevel })
      return startApp(name, { port, backendUrl: backend.url, tokenRouteUrl: fastapi?.url, config, logLevel, watch })
    }
    // In parallel: each dev server is a process of its own.
    const started = await Promise.allSettled(apps.map((name, i) => startOne(name, appPorts[i]!)))
    for (const app of started) if (app.status == 'fulfilled') closers.push(app.value.close)
    for (const app of started) if (app.status == 'rejected') throw app.reason
    return {
      emulator,
      backend,
      fastapi: fastapi?.url ?? null,
      apps: Object.fromEntries(
        apps.map((name, i) => [name, (started[i] as PromiseFulfilledResult<AppServer>).value.url]),
      ),
      close,
    }
  } catch (error) {
    await close()
    throw error
  }
}
