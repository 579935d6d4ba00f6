import { readFileSync } from 'node:fs'
import { expect, it } from 'vitest'

const root = new URL('../../', import.meta.url)
const read = (path: string) => readFileSync(new URL(path, root), 'utf8')

/** The READMEs whose recipes quote code that runs: the auth-library apps this suite drives, the bindings' recipe tests. */
const READMES = [
  'packages/react/README.md',
  'packages/vue/README.md',
  'packages/svelte/README.md',
  'packages/server/README.md',
]

/** Every code block that follows `<!-- quoted from <path> -->`: the file it quotes, and its text. */
const quotes = (readme: string) =>
  [...read(readme).matchAll(/<!-- quoted from (\S+) -->\n```\w*\n([\s\S]*?)\n```/g)].map(([, path, code]) => ({
    path: path!,
    code: code!,
  }))

/** Whether `code`'s lines are consecutive lines of `source`, all indented the same amount more (or not at all). */
function isQuoteOf(code: string, source: string): boolean {
  const lines = code.split('\n')
  const sourceLines = source.split('\n')
  return sourceLines.some((line, start) => {
    const indent = line.length - lines[0]!.length
    if (indent < 0 || line !== ' '.repeat(indent) + lines[0]) return false
    return lines.every((quoted, i) => sourceLines[start + i] === (quoted ? ' '.repeat(indent) + quoted : ''))
  })
}

it('the recipes quote, line for line, the apps the suite drives and the recipe tests the bindings run', () => {
  const quoted = READMES.flatMap((readme) => quotes(readme).map((quote) => ({ readme, ...quote })))
  for (const { readme, path, code } of quoted)
    expect(isQuoteOf(code, read(path)), `${readme} quotes ${path}:\n${code}`).toBe(true)
  // Each app and recipe test is quoted somewhere: a recipe cannot lose its marker unnoticed.
  expect(new Set(quoted.map(({ path }) => path))).toEqual(
    new Set([
      'playground/better-auth/server/auth.ts',
      'playground/better-auth/server/main.ts',
      'playground/better-auth/src/authClient.ts',
      'playground/better-auth/src/WidgentIdentity.tsx',
      'playground/authjs-next/auth.ts',
      'playground/authjs-next/app/layout.tsx',
      'playground/authjs-next/app/WidgentIdentity.tsx',
      'playground/authjs-next/app/api/widgent-token/route.ts',
      'playground/authjs-sveltekit/src/auth.ts',
      'playground/authjs-sveltekit/src/routes/+layout.server.ts',
      'playground/authjs-sveltekit/src/routes/+layout.svelte',
      'playground/authjs-sveltekit/src/routes/+page.svelte',
      'playground/authjs-sveltekit/src/routes/api/widgent-token/+server.ts',
      'playground/oidc/src/auth.ts',
      'playground/oidc/src/main.ts',
      'playground/oidc/src/App.vue',
      'playground/oidc/server/main.ts',
      'packages/react/src/recipes.test.tsx',
      'packages/vue/src/recipes.test.ts',
      'packages/svelte/src/recipes.test.ts',
    ]),
  )
})
