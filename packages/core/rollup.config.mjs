import { defineConfig } from '@widgent/config/rollup'

// The launcher facade is an entry of its own: apps that never show it never ship it.
// WidgentUser is declared in @widgent/token-request (shared with the server): its types are copied in, never installed.
const shared = { mangle: true, typesFrom: ['@widgent/token-request'] }
export default [
  ...defineConfig(shared),
  ...defineConfig({ input: 'src/launcher/index.ts', name: 'launcher', ...shared }),
]
