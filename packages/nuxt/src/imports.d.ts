// What Nuxt's and Nitro's virtual modules give the runtime files, for this package's own type check: an app's build
// provides the real ones.
declare module '#app' {
  export { defineNuxtPlugin, useRuntimeConfig } from 'nuxt/app'
}
declare module '#imports' {
  export { defineEventHandler, toWebRequest } from 'h3'
  export { useRuntimeConfig } from 'nitropack/runtime'
}
