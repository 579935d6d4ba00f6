// `.vue` imports in a `.ts` block, as a Vite app's env.d.ts declares them (vue-tsc checks the `.vue` blocks themselves).
declare module '*.vue' {
  import type { Component } from 'vue'
  const component: Component
  export default component
}
