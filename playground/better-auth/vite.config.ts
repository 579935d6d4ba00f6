import { defineConfig } from 'vite'
import react from '@vitejs/plugin-react'

// VITE_WIDGENT_PRODUCT_ID, VITE_WIDGENT_SERVICE_KEY and VITE_WIDGENT_SCRIPT_URL are written into the build.
export default defineConfig({ plugins: [react()] })
