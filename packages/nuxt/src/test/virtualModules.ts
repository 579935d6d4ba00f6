// '#app' and '#imports' in this package's unit tests (see vitest.config.mjs): h3's own helpers, Nuxt's plugin
// definition as it is, and a runtime config each test sets. In an app, Nuxt and Nitro provide the real ones.
export { defineEventHandler, toWebRequest } from 'h3'

let config: object = {}

export const setRuntimeConfig = (next: object) => void (config = next)
export const useRuntimeConfig = () => config
export const defineNuxtPlugin = <T>(plugin: T) => plugin
