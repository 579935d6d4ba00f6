import { execFile } from 'node:child_process'
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import { readmeBlocks, readmeFiles, type ReadmeBlock } from './readmeBlocks'

const root = fileURLToPath(new URL('../../', import.meta.url))
// Inside the repository, so the blocks resolve the built packages and the frameworks as an app of the user's would.
const project = fileURLToPath(new URL('../.docs/', import.meta.url))
const require = createRequire(import.meta.url)
const run = promisify(execFile)

/** A user's app, as the READMEs assume one: strict TypeScript, a bundler, React's JSX, the DOM and Node's types. */
const compilerOptions = {
  target: 'ES2022',
  lib: ['ES2022', 'DOM', 'DOM.Iterable'],
  module: 'ESNext',
  moduleResolution: 'Bundler',
  jsx: 'react-jsx',
  strict: true,
  skipLibCheck: true,
  noEmit: true,
  types: ['node'],
  // What the blocks import that is the user's own or not installed here: see docs/env/.
  paths: { '@/auth': ['./auth.ts'], 'better-auth/node': ['./better-auth-node.ts'] },
}

export interface BlockProblem {
  /** `README.md:52`: where in the README. */
  where: string
  message: string
}

interface Written {
  block: ReadmeBlock
  /** For each line of the generated file: its README line, or null for a line of the checked-with context. */
  origin: Array<number | null>
}

/**
 * Type-checks every `ts`/`tsx` block of the READMEs with tsc, every `vue` block with vue-tsc and every `svelte` block
 * with svelte-check, each block a module of its own in a temporary project (`tools/.docs/`) against the built
 * packages, its `<!-- checked with: -->` context put before it. Returns what the checkers reported, by README line.
 */
export async function checkReadmeBlocks(): Promise<{
  checked: ReadmeBlock[]
  skipped: ReadmeBlock[]
  problems: BlockProblem[]
}> {
  const blocks = readmeFiles(root).flatMap((file) => readmeBlocks(file, readFileSync(join(root, file), 'utf8')))
  rmSync(project, { recursive: true, force: true })
  mkdirSync(project, { recursive: true })
  // What a user's project has around the blocks: stand-ins for their own modules and for libraries not installed here.
  cpSync(fileURLToPath(new URL('env/', import.meta.url)), project, { recursive: true })
  const written = new Map<string, Written>()
  for (const block of blocks.filter((block) => !block.skipped)) {
    const name = `${block.file.replace(/\W+/g, '_')}_${block.line}.${block.lang}`
    written.set(name, write(name, block))
  }
  const config = (include: string[], extra = {}) =>
    JSON.stringify({ compilerOptions: { ...compilerOptions, ...extra }, include }, null, 2)
  writeFileSync(join(project, 'tsconfig.json'), config(['*.ts', '*.tsx']))
  writeFileSync(join(project, 'tsconfig.vue.json'), config(['*.vue'], { jsx: 'preserve' }))
  writeFileSync(join(project, 'tsconfig.svelte.json'), config(['*.svelte', 'kit.d.ts']))

  const has = (lang: string) => blocks.some((block) => !block.skipped && block.lang == lang)
  const output = await Promise.all([
    has('ts') || has('tsx')
      ? checker(require.resolve('typescript/bin/tsc'), ['-p', 'tsconfig.json', '--pretty', 'false'])
      : '',
    has('vue')
      ? checker(require.resolve('vue-tsc/bin/vue-tsc.js'), ['-p', 'tsconfig.vue.json', '--pretty', 'false'])
      : '',
    has('svelte')
      ? checker(require.resolve('svelte-check/bin/svelte-check'), [
          '--tsconfig',
          './tsconfig.svelte.json',
          '--output',
          'machine',
          '--fail-on-warnings',
        ])
      : '',
  ])
  const problems: BlockProblem[] = []
  const at = (name: string, line: number) => {
    const entry = written.get(name)
    if (!entry) return `tools/.docs/${name}:${line}`
    const origin = entry.origin[line - 1]
    return origin
      ? `${entry.block.file}:${origin}`
      : `${entry.block.file}:${entry.block.line - 1} (its checked-with comment)`
  }
  for (const line of output.join('\n').split('\n')) {
    const tsc = /^(?:\.\/)?([^(\s]+)\((\d+),\d+\): (error .*)$/.exec(line)
    const svelte = /^\d+ (?:ERROR|WARNING) "([^"]+)" (\d+):\d+ "(.*)"$/.exec(line)
    const [, name, number, message] = tsc ?? svelte ?? []
    if (name) problems.push({ where: at(name, Number(number)), message: message! })
    else if (/error/i.test(line) && !/^\d+ COMPLETED/.test(line)) problems.push({ where: 'tools/.docs', message: line })
  }
  return {
    checked: blocks.filter((block) => !block.skipped),
    skipped: blocks.filter((block) => block.skipped),
    problems,
  }
}

/** Writes the block as a module: in a `.vue` or `.svelte` file its context goes at the top of its first `<script>`. */
function write(name: string, block: ReadmeBlock): Written {
  const code = block.code.split('\n').map((text, index) => ({ text, origin: (block.line + index) as number | null }))
  const context = block.context ? block.context.split('\n').map((text) => ({ text, origin: null })) : []
  let lines: typeof code
  if (block.lang == 'ts' || block.lang == 'tsx') {
    lines = [...context, ...code, { text: 'export {}', origin: null }]
  } else {
    const script = code.findIndex(({ text }) => text.trimStart().startsWith('<script'))
    if (context.length && script < 0)
      throw new Error(`${block.file}:${block.line}: a checked-with comment, and no <script> to put it in.`)
    lines = [...code.slice(0, script + 1), ...context, ...code.slice(script + 1)]
  }
  writeFileSync(join(project, name), lines.map(({ text }) => text).join('\n') + '\n')
  return { block, origin: lines.map(({ origin }) => origin) }
}

async function checker(bin: string, args: string[]): Promise<string> {
  try {
    const { stdout, stderr } = await run(process.execPath, [bin, ...args], {
      cwd: project,
      maxBuffer: 16 * 1024 * 1024,
    })
    return stdout + stderr
  } catch (error) {
    // A checker that found problems exits non-zero; its report is what counts.
    const { stdout = '', stderr = '' } = error as { stdout?: string; stderr?: string }
    return stdout + stderr
  }
}
