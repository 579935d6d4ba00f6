// The two Node APIs the dist test reads files with: the core itself is typed for the browser only.
declare module 'node:fs' {
  export function readFileSync(path: string, encoding: 'utf8'): string
  export function readdirSync(path: string, options: { recursive: true }): string[]
}
