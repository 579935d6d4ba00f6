// @vitest-environment node
/// <reference types="node" />
import { readFileSync } from 'node:fs'
import { unguardedErrorText } from '@widgent/test-utils'
import { expect, it } from 'vitest'

const dist = (file: string) => readFileSync(new URL(`../dist/${file}`, import.meta.url), 'utf8')

// Production builds keep an error's code and README link only, as the core's do.
it('dist/index.js keeps the text of its errors to development builds', () => {
  expect(dist('index.js')).toMatch(/new WidgentError\(/)
  expect(unguardedErrorText(dist('index.js'))).toEqual([])
})
