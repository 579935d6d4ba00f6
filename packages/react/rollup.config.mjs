import { defineConfig } from '@widgent/config/rollup'

export default defineConfig({ banner: "'use client';" })
