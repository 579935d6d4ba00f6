import { existsSync } from 'node:fs'
import { chromium } from 'playwright-core'
import type { TestProject } from 'vitest/node'
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './chromium'

declare module 'vitest' {
  export interface ProvidedContext {
    /** Where the run's one Chromium listens; each test file connects to it. */
    browserWsEndpoint: string
  }
}

/** Global setup: one Chromium for every test file, closed when the run ends. */
export default async function launchBrowser(project: TestProject) {
  if (!existsSync(CHROMIUM_PATH)) throw new Error(`No Chromium at ${CHROMIUM_PATH}: apt-get install chromium, or set CHROMIUM_PATH.`)
  const server = await chromium.launchServer({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS })
  project.provide('browserWsEndpoint', server.wsEndpoint())
  return () => server.close()
}
