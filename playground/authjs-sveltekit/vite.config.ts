import { defineConfig } from 'vite'
import { sveltekit } from '@sveltejs/kit/vite'
import adapter from '@sveltejs/adapter-node'

// Built with `vite build` into build/, then served with `node build` (adapter-node), as it ships.
export default defineConfig({
  plugins: [sveltekit({ adapter: adapter() })],
})
