import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { ESLint } from 'eslint'
import { expect, it } from 'vitest'

const root = fileURLToPath(new URL('..', import.meta.url))

// Every directory git ignores is built or generated (a Next.js app's .next, Angular's cache...): linting it fails
// `npm test` the second time it runs in one checkout, once the e2e suite has built the apps.
it('ESLint skips every directory .gitignore names, wherever it is', async () => {
  const eslint = new ESLint({ cwd: root })
  const directories = readFileSync(`${root}/.gitignore`, 'utf8')
    .split('\n')
    .filter((line) => line.endsWith('/') && line != 'node_modules/')
  // A pattern with no slash but the last matches at any depth, as in git.
  const files = directories.flatMap((dir) =>
    dir.slice(0, -1).includes('/') ? [`${dir}page.js`] : [`${dir}page.js`, `playground/app/${dir}page.js`],
  )
  const linted = []
  for (const file of files) if (!(await eslint.isPathIgnored(file))) linted.push(file)
  expect(directories.length).toBeGreaterThan(5)
  expect(linted).toEqual([])
})
