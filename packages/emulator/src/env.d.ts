/** `?raw` imports: a file's text (the shared rollup config and vitest both provide them). */
declare module '*?raw' {
  const text: string
  export default text
}
