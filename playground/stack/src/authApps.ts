import { randomBytes } from 'node:crypto'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { buildNextApp, startNextApp } from './nextApp'
import { runNode, startNodeServer } from './nodeProcess'
import { pickPort } from './pickPort'
import type { AppServer } from './startApp'
import type { WidgentService } from './serviceFromEnv'

/** The apps that wire a real auth library to the kit, each the recipe its README quotes. */
export const AUTH_APPS = ['better-auth', 'authjs-next', 'authjs-sveltekit', 'oidc'] as const
export type AuthAppName = (typeof AUTH_APPS)[number]

export interface AuthAppServer extends AppServer {
  /** How long its build took (ms): `vite build`, or `next build`. */
  buildMs: number
}

const appDir = (name: string) => fileURLToPath(new URL(`../../${name}/`, import.meta.url))
/** A package's executable, resolved from the app's folder as `npx` would. */
const bin = (name: string, pkg: string, file: string) =>
  join(dirname(createRequire(appDir(name)).resolve(`${pkg}/package.json`)), file)
const viteBuild = (name: string, env: Record<string, string>) =>
  runNode([bin(name, 'vite', 'bin/vite.js'), 'build', '--logLevel', 'warn'], {
    cwd: appDir(name),
    env,
    what: `vite build (${name})`,
  })
const tsx = (name: string) => ['--import', createRequire(appDir(name)).resolve('tsx')]
/** A fresh secret per start, as a deployment has one of its own. */
const secret = () => randomBytes(32).toString('hex')

/** The widget's ids for a page, under the names `prefix` makes public in the app's framework (VITE_, PUBLIC_). */
const pageEnv = (prefix: string, { productId, serviceKey, scriptUrl }: WidgentService) => ({
  [`${prefix}WIDGENT_PRODUCT_ID`]: productId,
  [`${prefix}WIDGENT_SERVICE_KEY`]: serviceKey,
  [`${prefix}WIDGENT_SCRIPT_URL`]: scriptUrl ?? '',
})
/** What `@widgent/server`'s route reads, on the server only. */
const serverEnv = ({ apiUrl, productId, verificationSecret }: WidgentService) => ({
  WIDGENT_API_URL: apiUrl,
  WIDGENT_PRODUCT_ID: productId,
  WIDGENT_VERIFICATION_SECRET: verificationSecret,
})

/**
 * One auth app built and served as a user ships it, on 127.0.0.1 and a free port, against `service`. Its build writes
 * into the app's folder (`dist/`, `.next/`, `build/`, all ignored by git). `close` stops its servers by their pids.
 */
export async function startAuthApp(name: AuthAppName, service: WidgentService): Promise<AuthAppServer> {
  const port = await pickPort(0)
  const url = `http://127.0.0.1:${port}/`
  const cwd = appDir(name)
  switch (name) {
    case 'better-auth': {
      const buildMs = await viteBuild(name, pageEnv('VITE_', service))
      const env = { ...serverEnv(service), PORT: String(port), BETTER_AUTH_SECRET: secret(), BETTER_AUTH_URL: url }
      const server = await startNodeServer([...tsx(name), 'server/main.ts'], url, {
        cwd,
        env,
        what: "the better-auth app's server",
      })
      return { ...server, buildMs }
    }
    case 'authjs-sveltekit': {
      // The page's ids are read as the server starts ($env/dynamic/public): the build holds none.
      const buildMs = await viteBuild(name, {})
      const env = {
        ...serverEnv(service),
        ...pageEnv('PUBLIC_', service),
        PORT: String(port),
        HOST: '127.0.0.1',
        ORIGIN: url.slice(0, -1),
        AUTH_SECRET: secret(),
      }
      const server = await startNodeServer(['build'], url, {
        cwd,
        env,
        what: "the Auth.js SvelteKit app's server (node build)",
      })
      return { ...server, buildMs }
    }
    case 'authjs-next': {
      // The ids go into the build (NEXT_PUBLIC_*); Auth.js's secret is read by the server as it runs.
      const env = { AUTH_SECRET: secret(), AUTH_TRUST_HOST: 'true' }
      const buildMs = await buildNextApp(service, { dir: cwd, env })
      const server = await startNextApp('start', { port, service, dir: cwd, env })
      return { ...server, buildMs }
    }
    case 'oidc': {
      // The provider first: the SPA's build names it, and the app's server reads its discovery document as it starts.
      let providerPort = await pickPort(0)
      while (providerPort == port) providerPort = await pickPort(0)
      const issuer = `http://127.0.0.1:${providerPort}`
      const clientId = 'widgent-spa'
      const provider = await startNodeServer(
        [...tsx(name), 'provider/main.ts'],
        `${issuer}/.well-known/openid-configuration`,
        {
          cwd,
          env: { PORT: String(providerPort), APP_URL: url, OIDC_CLIENT_ID: clientId },
          what: 'the OpenID Connect provider',
        },
      )
      try {
        const buildMs = await viteBuild(name, {
          ...pageEnv('VITE_', service),
          VITE_OIDC_ISSUER: issuer,
          VITE_OIDC_CLIENT_ID: clientId,
        })
        const env = { ...serverEnv(service), PORT: String(port), OIDC_ISSUER: issuer }
        const server = await startNodeServer([...tsx(name), 'server/main.ts'], url, {
          cwd,
          env,
          what: "the OpenID Connect SPA's server",
        })
        return { url, buildMs, close: () => Promise.all([server.close(), provider.close()]).then(() => {}) }
      } catch (error) {
        await provider.close()
        throw error
      }
    }
  }
}
