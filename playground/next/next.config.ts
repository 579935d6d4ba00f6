import type { NextConfig } from 'next'

const config: NextConfig = {
  // The playground's own workspace packages ship TypeScript source (Turbopack compiles it anyway; webpack needs this).
  transpilePackages: ['@widgent/playground-shared', '@widgent/test-utils'],
}

export default config
