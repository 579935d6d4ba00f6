import { svelte } from '@sveltejs/vite-plugin-svelte'
import vue from '@vitejs/plugin-vue'
import { defineTestConfig } from '@widgent/config/vitest'
import { defaultClientConditions } from 'vite'
import { mergeConfig } from 'vitest/config'

// The examples are the README's, run as users run them: the built packages, Svelte's DOM runtime in jsdom.
export default mergeConfig(defineTestConfig({ include: ['src/**/*.test.ts', 'examples/**/*.test.{ts,tsx}'] }), {
  plugins: [svelte(), vue()],
  environments: { client: { resolve: { conditions: ['browser', ...defaultClientConditions] } } },
})
