import { svelte } from '@sveltejs/vite-plugin-svelte'
import { defineTestConfig } from '@widgent/config/vitest'
import { defaultClientConditions } from 'vite'
import { mergeConfig } from 'vitest/config'

// jsdom tests run in Vite's client environment: Svelte's DOM runtime there, its server runtime in
// `@vitest-environment node` files. Test components (src/fixtures) compile for each accordingly.
export default mergeConfig(defineTestConfig(), {
  plugins: [svelte()],
  environments: { client: { resolve: { conditions: ['browser', ...defaultClientConditions] } } },
})
