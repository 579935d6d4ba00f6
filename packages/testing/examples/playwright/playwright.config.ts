import { defineConfig } from '@playwright/test'
import { widgentEmulator } from '@widgent/testing/playwright'

export default defineConfig({
  testDir: '.',
  testMatch: '*.spec.ts', // vitest's *.test.ts files live beside it
  webServer: [
    // First: once it is up, its WIDGENT_* variables reach the servers below and the tests.
    widgentEmulator(),
    // Your app, e.g. { command: 'npm run dev', url: 'http://localhost:5173' }. This one picks a free port and says which.
    { command: 'node app.mjs', wait: { stdout: /listening on (?<app_url>http:\/\/\S+)/ }, gracefulShutdown: { signal: 'SIGTERM', timeout: 5000 } },
  ],
  use: {
    baseURL: process.env.APP_URL,
    // This machine's Chromium (CHROMIUM_PATH); yours comes from `npx playwright install`.
    ...(process.env.CHROMIUM_PATH && { launchOptions: { executablePath: process.env.CHROMIUM_PATH, args: ['--no-sandbox', '--disable-gpu'] } }),
  },
})
