import { defineConfig } from '@widgent/config/rollup'

// Two entries: `@widgent/svelte/runes` imports svelte/reactivity, which Svelte 4 lacks, so the main entry must not.
const entry = (name) =>
  defineConfig({ input: `src/${name}.ts` }).map((config) => ({
    ...config,
    output: config.output.map((output) => ({ ...output, file: output.file.replace('/index.', `/${name}.`) })),
  }))

export default [...entry('index'), ...entry('runes')]
