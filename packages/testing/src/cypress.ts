import {
  emulatorFromEnv,
  readEmulatorLog,
  startWidgentEmulator,
  type EmulatorLog,
  type EmulatorOptions,
  type WidgentEmulatorInfo,
} from './emulator'

export type { EmulatorLog, WidgentEmulatorInfo }

/**
 * Cypress's `on` in `setupNodeEvents(on, config)`. Loose on purpose: Cypress types it as one overload per event,
 * and an overloaded function is assignable to this (its types are not a dependency of this package).
 */
type On = (event: any, handler: any) => void
interface Config {
  env: Record<string, unknown>
}

/**
 * For `setupNodeEvents(on, config)`: starts an emulator for the run (or joins the one `with-widgent-emulator`
 * started, so your app's servers and the tests share it), puts it in `Cypress.env('widgentEmulator')` and adds the
 * tasks `cy.task('widgent:emulator')` and `cy.task('widgent:log')`. Returns the config; the emulator stops after the run.
 */
export async function widgentEmulatorTasks<C extends Config>(
  on: On,
  config: C,
  options?: EmulatorOptions,
): Promise<C & { env: { widgentEmulator: WidgentEmulatorInfo } }> {
  const joined = emulatorFromEnv()
  const emulator = joined ? undefined : await startWidgentEmulator(options)
  const { url, scriptUrl, productId, serviceKey, verificationSecret } = joined ?? emulator!
  const info: WidgentEmulatorInfo = { url, scriptUrl, productId, serviceKey, verificationSecret }
  on('task', {
    'widgent:emulator': () => info,
    'widgent:log': (): Promise<EmulatorLog> => readEmulatorLog(url),
  })
  if (emulator) on('after:run', () => emulator.close())
  return Object.assign(config, { env: Object.assign(config.env, { widgentEmulator: info }) })
}
