import { DEMO_PRODUCT, startEmulator, type Emulator, type EmulatorLog, type EmulatorOptions } from '@widgent/emulator'

export type { EmulatorLog, EmulatorOptions }

/** Where a running emulator is and which product it serves: plain data, for tests in other processes. */
export interface WidgentEmulatorInfo {
  /** e.g. `http://127.0.0.1:41234`: a backend's `WIDGENT_API_URL`. */
  url: string
  /** The widget script, for the page's `scriptUrl`. */
  scriptUrl: string
  productId: string
  serviceKey: string
  /** For your backend only (`@widgent/server`); never give it to a page. */
  verificationSecret: string
}

/** The environment an app's processes read: `@widgent/server` reads the first three as they are. */
export interface WidgentEmulatorEnv {
  WIDGENT_API_URL: string
  WIDGENT_PRODUCT_ID: string
  WIDGENT_VERIFICATION_SECRET: string
  WIDGENT_SERVICE_KEY: string
  WIDGENT_SCRIPT_URL: string
  /** Says the API URL is an emulator's (the runner helpers join it instead of starting another). */
  WIDGENT_EMULATOR_URL: string
}

export interface WidgentTestEmulator extends Emulator, WidgentEmulatorInfo {
  env: WidgentEmulatorEnv
}

/** The variables `emulatorEnv` sets, in the order the `with-widgent-emulator` line prints them. */
export const EMULATOR_ENV_NAMES = [
  'WIDGENT_EMULATOR_URL',
  'WIDGENT_API_URL',
  'WIDGENT_SCRIPT_URL',
  'WIDGENT_PRODUCT_ID',
  'WIDGENT_SERVICE_KEY',
  'WIDGENT_VERIFICATION_SECRET',
] as const

/**
 * Starts `@widgent/emulator` on a free port of 127.0.0.1 (any `startEmulator` option may be given), with what a
 * test needs beside it: the script URL, the product's ids (the demo product's, unless `products` says otherwise)
 * and the environment for the app's own servers. `close()` stops it.
 */
export async function startWidgentEmulator(options: EmulatorOptions = {}): Promise<WidgentTestEmulator> {
  const emulator = await startEmulator({ host: '127.0.0.1', port: 0, ...options })
  const { productId, serviceKey, verificationSecret } = options.products?.[0] ?? DEMO_PRODUCT
  const info = { url: emulator.url, scriptUrl: `${emulator.url}/widget.js`, productId, serviceKey, verificationSecret }
  return Object.assign(emulator, info, { env: emulatorEnv(info) })
}

export const emulatorEnv = (info: WidgentEmulatorInfo): WidgentEmulatorEnv => ({
  WIDGENT_EMULATOR_URL: info.url,
  WIDGENT_API_URL: info.url,
  WIDGENT_SCRIPT_URL: info.scriptUrl,
  WIDGENT_PRODUCT_ID: info.productId,
  WIDGENT_SERVICE_KEY: info.serviceKey,
  WIDGENT_VERIFICATION_SECRET: info.verificationSecret,
})

/** The emulator a parent process started (`with-widgent-emulator`, the Playwright `webServer` entry), if any. */
export function emulatorFromEnv(
  env: Record<string, string | undefined> = process.env,
): WidgentEmulatorInfo | undefined {
  const url = env.WIDGENT_EMULATOR_URL
  if (!url) return undefined
  const { WIDGENT_SCRIPT_URL, WIDGENT_PRODUCT_ID, WIDGENT_SERVICE_KEY, WIDGENT_VERIFICATION_SECRET } = env
  return {
    url,
    scriptUrl: WIDGENT_SCRIPT_URL ?? `${url}/widget.js`,
    productId: WIDGENT_PRODUCT_ID ?? DEMO_PRODUCT.productId,
    serviceKey: WIDGENT_SERVICE_KEY ?? DEMO_PRODUCT.serviceKey,
    verificationSecret: WIDGENT_VERIFICATION_SECRET ?? DEMO_PRODUCT.verificationSecret,
  }
}

/** What the emulator at `url` has seen (`GET /__emulator/log`): tokens minted, inits, script loads, messages. */
export async function readEmulatorLog(url: string): Promise<EmulatorLog> {
  const response = await fetch(`${url}/__emulator/log`)
  if (!response.ok) throw new Error(`${url}/__emulator/log answered ${response.status}: is ${url} a Widgent emulator?`)
  return (await response.json()) as EmulatorLog
}
