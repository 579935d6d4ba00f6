import { emulatorFromEnv, startWidgentEmulator, type EmulatorOptions, type WidgentEmulatorInfo } from './emulator'

export type { WidgentEmulatorInfo }

declare module 'vitest' {
  export interface ProvidedContext {
    /** `inject('widgentEmulator')`: the emulator `@widgent/testing/vitest` started for this run. */
    widgentEmulator: WidgentEmulatorInfo
  }
}

/** What vitest hands a global setup (its `TestProject`), as far as this one uses it. */
interface Project {
  provide(key: 'widgentEmulator', value: WidgentEmulatorInfo): void
}

/**
 * A vitest global setup that starts an emulator for the run (or joins the one `with-widgent-emulator` started),
 * provides it to the tests (`inject('widgentEmulator')`) and sets the `WIDGENT_*` variables, so `@widgent/server`
 * in the tests finds it; it stops the emulator once the run ends. `setup` is `widgentEmulatorSetup()`.
 */
export function widgentEmulatorSetup(options?: EmulatorOptions) {
  return async (project: Project) => {
    const joined = emulatorFromEnv()
    const emulator = joined ? undefined : await startWidgentEmulator(options)
    const before = { ...process.env }
    if (emulator) Object.assign(process.env, emulator.env)
    const { url, scriptUrl, productId, serviceKey, verificationSecret } = joined ?? emulator!
    project.provide('widgentEmulator', { url, scriptUrl, productId, serviceKey, verificationSecret })
    return async () => {
      if (!emulator) return
      for (const name of Object.keys(emulator.env)) {
        if (before[name] === undefined) delete process.env[name]
        else process.env[name] = before[name]
      }
      await emulator.close()
    }
  }
}

/** `globalSetup: ['@widgent/testing/vitest']`: vitest calls it, and the function it returns once the run ends. */
export const setup = widgentEmulatorSetup()
