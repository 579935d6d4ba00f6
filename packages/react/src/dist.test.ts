// @vitest-environment node
/// <reference types="node" />
import { readFileSync } from 'node:fs'
import { expect, it } from 'vitest'

// Next.js App Router: a server component may render <WidgentProvider> only from a client module.
it.each(['index.js', 'index.cjs'])("dist/%s starts with 'use client'", (file) => {
  expect(readFileSync(new URL(`../dist/${file}`, import.meta.url), 'utf8')).toMatch(/^'use client';\n/)
})
