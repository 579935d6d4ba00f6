// For tsc: the bundler compiles .svelte files (@widgent/test-utils/svelteEsbuildPlugin).
declare module '*.svelte' {
  import type { Component } from 'svelte'
  const component: Component<any>
  export default component
}
