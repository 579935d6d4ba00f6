import { defineConfig } from 'vite'
import vue from '@vitejs/plugin-vue'

// The port, the /api proxy and the product come from the playground's start script.
export default defineConfig({
  plugins: [vue()],
  // Found up front, so the first visit never reloads the page to add a dependency.
  optimizeDeps: { include: ['vue'] },
})
