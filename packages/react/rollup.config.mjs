import { defineConfig } from '@widgent/config/rollup'

// Both entries are client modules. `@widgent/react/next` imports `@widgent/react` by name (external), so an app
// that uses both gets one provider context.
const banner = "'use client';"
export default [...defineConfig({ banner }), ...defineConfig({ input: 'src/next/index.ts', name: 'next', banner })]
