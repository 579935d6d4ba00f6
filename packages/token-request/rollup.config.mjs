import { defineConfig } from '@widgent/config/rollup'

export default defineConfig({ platform: 'node' })
