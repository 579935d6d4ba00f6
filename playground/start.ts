// `npm run playground [-- --strict]`: the emulator, the demo backend and the six apps, until Ctrl-C.
import { parseArgs } from 'node:util'
import { startPlayground } from '@widgent/playground-stack'

let strict: boolean
try {
  const { values } = parseArgs({ options: { strict: { type: 'boolean', default: false } }, strict: true })
  strict = values.strict || process.env.WIDGENT_EMULATOR_STRICT == '1'
} catch (error) {
  console.error(`${(error as Error).message}\nUsage: npm run playground [-- --strict]   (or WIDGENT_EMULATOR_STRICT=1 npm run playground)`)
  process.exit(1)
}

const playground = await startPlayground({ logLevel: 'warn', strict }).catch((error: Error) => {
  console.error(`The playground did not start: ${error.message}`)
  process.exit(1)
})
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

  backend   ${backend.url}   (session cookie, /api/widgent-token)${emulator ? `\n  emulator  ${emulator.url}   (widget.js, token endpoint, log at /__emulator/log)` : ''}

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
