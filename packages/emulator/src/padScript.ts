import { randomBytes } from 'node:crypto'

const COMMENT = "\n// The weight knob's padding: bytes a real widget would ship.\n;void '"

/**
 * `script` grown to `bytes` (UTF-8) when it is shorter: random base64 in a string literal, so the padding is fetched
 * and parsed for real and gzip cannot squeeze it to nothing (about 3/4 of it stays).
 */
export function padScript(script: string, bytes: number): string {
  const gap = bytes - Buffer.byteLength(script)
  if (gap <= 0) return script
  const noise = gap - COMMENT.length - 2
  if (noise < 1) return script + '\n'.repeat(gap)
  return `${script}${COMMENT}${randomBytes(Math.ceil((noise * 3) / 4))
    .toString('base64')
    .slice(0, noise)}'\n`
}
