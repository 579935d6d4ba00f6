import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'

/** A code block of a README that the docs check type-checks. */
export interface ReadmeBlock {
  /** The README, from the repository root. */
  file: string
  /** The line of the block's first line of code, 1-based. */
  line: number
  lang: 'ts' | 'tsx' | 'vue' | 'svelte'
  code: string
  /**
   * What the prose around the block assumes, from an HTML comment just before it (`<!-- checked with: ... -->`):
   * imports, and `declare`s for the app's own names. Put before the code, so the block reads as a whole module.
   */
  context: string
  /** Why the block is not checked here: a fragment on purpose (`<!-- fragment: why -->`), or a file tested as it is quoted (`<!-- example: path -->`, `<!-- quoted from path -->`). */
  skipped?: string
}

export const CHECKED_LANGS = ['ts', 'tsx', 'vue', 'svelte'] as const

/** The repository's READMEs: the root's and each workspace's. */
export function readmeFiles(root: string): string[] {
  const { workspaces } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { workspaces: string[] }
  const dirs = workspaces.flatMap((pattern) =>
    pattern.endsWith('/*')
      ? readdirSync(join(root, pattern.slice(0, -2))).map((name) => `${pattern.slice(0, -2)}/${name}`)
      : [pattern],
  )
  return ['README.md', ...dirs.map((dir) => `${dir}/README.md`)].filter((file) => existsSync(join(root, file)))
}

/** Every `ts`, `tsx`, `vue` and `svelte` block of `text`, with the HTML comment just before it read as a directive. */
export function readmeBlocks(file: string, text: string): ReadmeBlock[] {
  const lines = text.split('\n')
  const blocks: ReadmeBlock[] = []
  for (let at = 0; at < lines.length; at++) {
    const fence = /^```(\S*)/.exec(lines[at]!)
    if (!fence) continue
    const end = lines.findIndex((line, index) => index > at && line.startsWith('```'))
    if (end < 0) throw new Error(`${file}:${at + 1}: a code block that never closes.`)
    const lang = fence[1] as ReadmeBlock['lang']
    if (CHECKED_LANGS.includes(lang)) {
      const directive = commentBefore(lines, at)
      const block: ReadmeBlock = { file, line: at + 2, lang, code: lines.slice(at + 1, end).join('\n'), context: '' }
      const [, kind = '', body = ''] =
        /^<!--\s*(checked with:|fragment:|example:|quoted from)([\s\S]*?)-->$/.exec(directive) ?? []
      if (directive && !kind) {
        throw new Error(
          `${file}:${at}: the comment before the block is none of checked with:, fragment:, example: or quoted from.`,
        )
      }
      if (kind == 'checked with:') block.context = body.trim()
      else if (kind == 'fragment:') block.skipped = `a fragment: ${body.trim()}`
      // A file quoted line for line: a test holds the README to it, and the file is type-checked where it lives.
      else if (kind == 'example:' || kind == 'quoted from') block.skipped = `${body.trim()}, tested as quoted`
      if (kind == 'fragment:' && !body.trim())
        throw new Error(`${file}:${at}: say why the block is a fragment (<!-- fragment: why -->).`)
      blocks.push(block)
    }
    at = end
  }
  return blocks
}

/** The HTML comment that ends on the line just before line `at`, or ''. */
function commentBefore(lines: string[], at: number): string {
  if (!lines[at - 1]?.trimEnd().endsWith('-->')) return ''
  let start = at - 1
  while (start > 0 && !lines[start]!.startsWith('<!--')) start--
  return lines.slice(start, at).join('\n').trim()
}
