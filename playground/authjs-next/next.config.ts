import type { NextConfig } from 'next'

const config: NextConfig = {
  // The playground's shared status line ships TypeScript source (Turbopack compiles it anyway; webpack needs this).
  transpilePackages: ['@widgent/playground-shared'],
}

export default config
