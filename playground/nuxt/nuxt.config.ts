// The product, the emulator's URLs and the backend's come from the playground's start script, as environment
// variables read when the server starts: NUXT_PUBLIC_WIDGENT_PRODUCT_ID, NUXT_PUBLIC_WIDGENT_SERVICE_KEY,
// NUXT_PUBLIC_WIDGENT_SCRIPT_URL, NUXT_WIDGENT_API_URL, NUXT_WIDGENT_VERIFICATION_SECRET and NUXT_BACKEND_URL.
const out = process.env.PLAYGROUND_NUXT_OUTPUT

export default defineNuxtConfig({
  modules: ['@widgent/nuxt'],
  widgent: {},
  runtimeConfig: {
    // The demo backend, which owns the session: /api goes there (server/api/[...].ts), as the other apps' dev proxy does.
    backendUrl: 'http://127.0.0.1:4020',
  },
  css: ['@widgent/playground-shared/style.css'],
  app: { head: { title: 'Widgent playground · Nuxt', link: [{ rel: 'icon', href: 'data:,' }] } },
  devtools: { enabled: false },
  telemetry: false,
  compatibilityDate: '2026-01-01',
  // The end-to-end suite builds into a folder of its own, so a dev server or a type check beside it is left alone.
  ...(out && { buildDir: `${out}/.nuxt`, nitro: { output: { dir: `${out}/.output` } } }),
})
