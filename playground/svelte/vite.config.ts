import { defineConfig } from 'vite'
import { sveltekit } from '@sveltejs/kit/vite'

// The port, the /api proxy and the product come from the playground's start script. SvelteKit's own
// options go here rather than in a svelte.config.js; the defaults are all this app needs (no adapter:
// it only ever runs as a dev server).
export default defineConfig({
  plugins: [sveltekit({})],
})
