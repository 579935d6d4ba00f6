import { defineConfig } from '@widgent/config/rollup'

// The fake widget runs in a (simulated) browser; the emulator helpers, one entry per runner, run in Node.
const entry = (name, platform, bin) =>
  defineConfig({ input: `src/${name}.ts`, platform, bin }).map((config) => ({
    ...config,
    output: [config.output].flat().map((output) => ({ ...output, file: output.file.replace('/index.', `/${name}.`) })),
  }))

export default [
  ...entry('index', 'browser'),
  ...entry('emulator', 'node', 'src/cli.ts'),
  ...entry('playwright', 'node'),
  ...entry('vitest', 'node'),
  ...entry('cypress', 'node'),
]
