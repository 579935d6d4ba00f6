import { defineConfig } from '@widgent/config/rollup'

// The launcher facade is an entry of its own: apps that never show it never ship it.
export default [...defineConfig({ mangle: true }), ...defineConfig({ input: 'src/launcher/index.ts', name: 'launcher', mangle: true })]
