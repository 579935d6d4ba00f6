// `npm run playground`: the emulator, the demo backend and the four apps, until Ctrl-C.
import { startPlayground } from '@widgent/playground-stack'

const playground = await startPlayground({ logLevel: 'warn' }).catch((error: Error) => {
  console.error(`The playground did not start: ${error.message}`)
  process.exit(1)
})
const { emulator, backend, apps } = playground

console.log(`
Widgent playground ${emulator ? 'against the local emulator' : `against ${process.env.WIDGENT_API_URL}`}

  React     ${apps.react}   (Vite, StrictMode)
  Vue       ${apps.vue}
  Svelte    ${apps.svelte}   (SvelteKit: server-rendered, then hydrated)
  Next.js   ${apps.next}   (next dev, App Router: its own session and token routes)

  backend   ${backend.url}   (session cookie, /api/widgent-token)${emulator ? `\n  emulator  ${emulator.url}   (widget.js, token endpoint, log at /__emulator/log)` : ''}

Sign in as Ada in any app, then talk to the widget in the bottom-right corner. Ctrl-C stops everything.
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
