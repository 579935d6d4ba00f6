// Every browser API of the built packages, given a verificationSecret: what each one threw (its code), or null.
import { flushSync } from 'react-dom'
import { createRoot } from 'react-dom/client'
import { createApp } from 'vue'
import { createWidgent, loadWidgent, type WidgentOptions } from '@widgent/core'
import { WidgentProvider } from '@widgent/react'
import { createWidgent as createSvelteWidgent } from '@widgent/svelte'
import { WidgentPlugin } from '@widgent/vue'

declare global {
  interface Window {
    guards: Record<string, string | null>
  }
}

const secret = {
  productId: 'demo-product',
  serviceKey: 'demo-service-key',
  verificationSecret: 'demo-verification-secret',
} as WidgentOptions
const codeOf = (error: unknown) => (error as { code?: string }).code ?? String(error)
const thrown = (run: () => unknown) => {
  try {
    run()
    return null
  } catch (error) {
    return codeOf(error)
  }
}

let rendered: string | null = null
const root = createRoot(document.getElementById('root')!, {
  onUncaughtError: (error) => void (rendered = codeOf(error)),
})
flushSync(() => root.render(<WidgentProvider {...secret} />))

window.guards = {
  'core createWidgent': thrown(() => createWidgent(secret)),
  'core loadWidgent': thrown(() => loadWidgent(secret)),
  'react WidgentProvider': rendered,
  'vue WidgentPlugin': thrown(() => createApp({}).use(WidgentPlugin, secret)),
  'svelte createWidgent': thrown(() => createSvelteWidgent(secret)),
}
