import { defineConfig } from 'vite'
import vue from '@vitejs/plugin-vue'

// VITE_OIDC_ISSUER, VITE_OIDC_CLIENT_ID and VITE_WIDGENT_* are written into the build.
export default defineConfig({ plugins: [vue()] })
