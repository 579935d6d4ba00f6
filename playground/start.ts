// `npm run playground [-- --strict] [--fastapi]`: the emulator, the demo backend and the six apps, until Ctrl-C.
// `npm run playground -- --auth <app>`: one of the auth-library apps instead, built and served as it ships.
import { parseArgs } from 'node:util'
import { DEMO_PRODUCT, startEmulator } from '@widgent/emulator'
import { ACCOUNTS } from '@widgent/playground-shared/accounts'
import { AUTH_APPS, startAuthApp, startPlayground, type AuthAppName } from '@widgent/playground-stack'

const USAGE = `Usage: npm run playground [-- --strict] [--fastapi]   (or WIDGENT_EMULATOR_STRICT=1 npm run playground)
       npm run playground -- --auth <${AUTH_APPS.join('|')}> [--strict]`
let strict: boolean
let fastapi: boolean
let auth: string | undefined
try {
  const { values } = parseArgs({
    options: {
      strict: { type: 'boolean', default: false },
      fastapi: { type: 'boolean', default: false },
      auth: { type: 'string' },
    },
    strict: true,
  })
  strict = values.strict || process.env.WIDGENT_EMULATOR_STRICT == '1'
  fastapi = values.fastapi
  auth = values.auth
  if (auth !== undefined && !AUTH_APPS.includes(auth as AuthAppName)) throw new Error(`No auth app named "${auth}".`)
} catch (error) {
  console.error(`${(error as Error).message}\n${USAGE}`)
  process.exit(1)
}

if (auth) {
  const emulator = await startEmulator({ faults: true, strict })
  console.log(`Building the ${auth} app…`)
  const app = await startAuthApp(auth as AuthAppName, {
    ...DEMO_PRODUCT,
    apiUrl: emulator.url,
    scriptUrl: `${emulator.url}/widget.js`,
  }).catch(async (error: Error) => {
    await emulator.close()
    console.error(`The ${auth} app did not start: ${error.message}`)
    process.exit(1)
  })
  const accounts = ACCOUNTS.map(({ email, password }) => `${email} / ${password}`).join(', ')
  console.log(
    `\n  ${auth}   ${app.url}\n  emulator  ${emulator.url}\n\nSign in with ${accounts}${auth == 'better-auth' ? ' (create the account first)' : ''}. Ctrl-C stops it.\n`,
  )
  const stop = async () => {
    await Promise.allSettled([app.close(), emulator.close()])
    process.exit(0)
  }
  process.once('SIGINT', stop)
  process.once('SIGTERM', stop)
  await new Promise(() => {})
}

const playground = await startPlayground({ logLevel: 'warn', strict, tokenRoute: fastapi ? 'fastapi' : 'node' }).catch(
  (error: Error) => {
    console.error(`The playground did not start: ${error.message}`)
    process.exit(1)
  },
)
const { emulator, backend, apps } = playground
const against = emulator
  ? `against the local emulator${strict ? ' in strict mode (only what the vendor page documents)' : ''}`
  : `against ${process.env.WIDGENT_API_URL}${strict ? ' (--strict applies to the emulator only: ignored)' : ''}`

console.log(`
Widgent playground ${against}

  React     ${apps.react}   (Vite, StrictMode)
  Vue       ${apps.vue}
  Svelte    ${apps.svelte}   (SvelteKit: server-rendered, then hydrated)
  Nuxt      ${apps.nuxt}   (nuxi dev, @widgent/nuxt: server-rendered, then hydrated)
  Next.js   ${apps.next}   (next dev, App Router: its own session and token routes)
  Angular   ${apps.angular}   (ng serve, @angular/ssr: server-rendered, then hydrated; zoneless)

  backend   ${backend.url}   (session cookie, /api/widgent-token)${playground.fastapi ? `\n  FastAPI   ${playground.fastapi}   (the vendor's FastAPI token route: the React, Vue and Svelte apps' /api/widgent-token)` : ''}${emulator ? `\n  emulator  ${emulator.url}   (widget.js, token endpoint, log at /__emulator/log)` : ''}

Sign in as Ada in any app, then open the widget with its launcher in the bottom-right corner. Ctrl-C stops everything.
`)

let stopping = false
const stop = async (signal: NodeJS.Signals) => {
  if (stopping) return
  stopping = true
  console.log(`\n${signal}: stopping the playground…`)
  // A dev server that hangs on close must not keep the terminal.
  setTimeout(() => process.exit(1), 5000).unref()
  await playground.close()
  process.exit(0)
}
process.once('SIGINT', stop)
process.once('SIGTERM', stop)
