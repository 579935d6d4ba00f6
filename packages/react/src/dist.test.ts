// @vitest-environment node
/// <reference types="node" />
import { readFileSync } from 'node:fs'
import { unguardedErrorText } from '@widgent/test-utils'
import { expect, it } from 'vitest'

const dist = (file: string) => readFileSync(new URL(`../dist/${file}`, import.meta.url), 'utf8')

// Next.js App Router: a server component may render <WidgentProvider> only from a client module.
it.each(['index.js', 'index.cjs', 'next.js', 'next.cjs'])("dist/%s starts with 'use client'", (file) => {
  expect(dist(file)).toMatch(/^'use client';\n/)
})

it.each(['next.js', 'next.cjs'])(
  'dist/%s writes process.env.NEXT_PUBLIC_WIDGENT_* out in full, so Next.js can inline them',
  (file) => {
    for (const name of ['PRODUCT_ID', 'SERVICE_KEY', 'SCRIPT_URL'])
      expect(dist(file)).toContain(`process.env.NEXT_PUBLIC_WIDGENT_${name}`)
  },
)

// A copy of the provider inside next.js would be a second context: useWidgent() from '@widgent/react' would not find it.
it('dist/next.js takes the provider and hooks from @widgent/react, by name', () => {
  expect(dist('next.js')).toMatch(/from '@widgent\/react';/)
  expect(dist('next.js')).not.toContain('createContext')
})

it.each(['index.js', 'next.js'])('dist/%s keeps the text of its errors to development builds', (file) => {
  expect(dist(file)).toMatch(/new WidgentError\(/)
  expect(unguardedErrorText(dist(file))).toEqual([])
})
