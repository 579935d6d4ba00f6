// @vitest-environment node
import { readFileSync } from 'node:fs'
import { expect, it } from 'vitest'

const read = (path: string) => readFileSync(new URL(`../${path}`, import.meta.url), 'utf8')

// The README's examples are the files the tests run, word for word.
it('quotes each example file exactly as it is tested', () => {
  const blocks = [...read('README.md').matchAll(/<!-- example: (\S+) -->\n```\w+\n([\s\S]*?)\n```/g)]
  expect(blocks.map(([, path]) => path)).toEqual([
    'examples/react/App.test.tsx',
    'examples/vue/App.test.ts',
    'examples/svelte/App.test.ts',
    'examples/playwright/playwright.config.ts',
    'examples/playwright/widget.spec.ts',
    'examples/vitest/tokenRoute.test.ts',
  ])
  for (const [, path, code] of blocks) expect(code, path).toBe(read(path!).trimEnd())
})
