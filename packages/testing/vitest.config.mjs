import { svelte } from '@sveltejs/vite-plugin-svelte'
import vue from '@vitejs/plugin-vue'
import { defineTestConfig } from '@widgent/config/vitest'
import { defaultClientConditions } from 'vite'
import { mergeConfig } from 'vitest/config'

// The examples are the README's, run as users run them: the built packages, Svelte's DOM runtime in jsdom, and
// (a project of its own) the vitest global setup by its package name.
export default mergeConfig(defineTestConfig(), {
  plugins: [svelte(), vue()],
  environments: { client: { resolve: { conditions: ['browser', ...defaultClientConditions] } } },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['src/**/*.test.ts', 'examples/{react,vue,svelte,playwright}/**/*.test.{ts,tsx}'],
        },
      },
      {
        extends: true,
        test: {
          name: 'vitest-example',
          include: ['examples/vitest/**/*.test.ts'],
          environment: 'node',
          typecheck: { enabled: false },
          globalSetup: ['@widgent/testing/vitest'],
        },
      },
    ],
  },
})
