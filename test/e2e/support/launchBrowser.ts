import type { TestProject } from 'vitest/node'
import { launchChromiumServer } from '@widgent/test-utils/chromium'

declare module 'vitest' {
  export interface ProvidedContext {
    /** Where the run's one Chromium listens; each test file connects to it. */
    browserWsEndpoint: string
  }
}

/** Global setup: one Chromium for every test file, closed when the run ends. */
export default async function launchBrowser(project: TestProject) {
  const server = await launchChromiumServer()
  project.provide('browserWsEndpoint', server.wsEndpoint())
  return () => server.close()
}
