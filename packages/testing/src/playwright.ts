import { fileURLToPath } from 'node:url'
import {
  EMULATOR_ENV_NAMES,
  emulatorFromEnv,
  readEmulatorLog,
  type EmulatorLog,
  type WidgentEmulatorInfo,
} from './emulator'

export type { EmulatorLog, WidgentEmulatorInfo }

export interface WidgentEmulatorServerOptions {
  /** Only what the vendor page documents (tokens that are not JWTs, no ready flag, no command queue). */
  strict?: boolean
  /** The emulator's fault knobs and `POST /__emulator/config`. */
  faults?: boolean
  /** Lifetime of the tokens it mints, in whole seconds. */
  tokenTtlSeconds?: number
}

/** A Playwright `webServer` entry (the fields this one uses). */
export interface WidgentEmulatorWebServer {
  command: string
  name: string
  wait: { stdout: RegExp }
  gracefulShutdown: { signal: 'SIGTERM'; timeout: number }
  timeout: number
}

/**
 * The emulator as a `webServer` entry, on a free port. Put it first: once it is up, Playwright stores its
 * `WIDGENT_*` variables in its own environment, which the `webServer` entries after it and the test workers
 * inherit. (Playwright starts `webServer` before `globalSetup`, so a global setup would come too late for them.)
 */
export function widgentEmulator({
  strict,
  faults,
  tokenTtlSeconds,
}: WidgentEmulatorServerOptions = {}): WidgentEmulatorWebServer {
  const cli = fileURLToPath(new URL('./cli.js', import.meta.url))
  const flags = [
    strict && '--strict',
    faults && '--faults',
    tokenTtlSeconds && `--token-ttl ${tokenTtlSeconds}`,
  ].filter(Boolean)
  return {
    command: [`"${process.execPath}"`, `"${cli}"`, ...flags].join(' '),
    name: 'Widgent emulator',
    // Named groups become environment variables of the runner (Playwright upper-cases the names).
    wait: { stdout: new RegExp(EMULATOR_ENV_NAMES.map((name) => `${name}=(?<${name}>\\S+)`).join(' ')) },
    gracefulShutdown: { signal: 'SIGTERM', timeout: 5000 },
    timeout: 30_000,
  }
}

export interface WidgentEmulatorFixture extends WidgentEmulatorInfo {
  /** What the emulator has seen so far: tokens minted, inits, script loads, messages and their identity. */
  log(): Promise<EmulatorLog>
}

export interface WidgentWorkerFixtures {
  widgentEmulator: WidgentEmulatorFixture
}

type WorkerFixture<T> = [(args: {}, use: (value: T) => Promise<void>) => Promise<void>, { scope: 'worker' }]

/** For `test.extend<{}, WidgentWorkerFixtures>(widgentFixtures)`: `widgentEmulator` in every test. */
export const widgentFixtures: { widgentEmulator: WorkerFixture<WidgentEmulatorFixture> } = {
  // Playwright reads the fixtures a function uses from its first parameter, which must be a destructuring pattern.
  widgentEmulator: [
    // eslint-disable-next-line no-empty-pattern -- Playwright requires the pattern, even empty
    async ({}, use) => {
      const info = emulatorFromEnv()
      if (!info) {
        throw new Error(
          'No Widgent emulator: put widgentEmulator() from @widgent/testing/playwright first in webServer in playwright.config, or run the tests with with-widgent-emulator -- playwright test.',
        )
      }
      await use({ ...info, log: () => readEmulatorLog(info.url) })
    },
    { scope: 'worker' },
  ],
}
