import { defineConfig } from 'vite'
import react from '@vitejs/plugin-react'

// The port, the /api proxy and the product come from the playground's start script.
export default defineConfig({
  plugins: [react()],
  // Found up front, so the first visit never reloads the page to add a dependency.
  optimizeDeps: { include: ['react', 'react-dom/client', 'react/jsx-dev-runtime'] },
})
