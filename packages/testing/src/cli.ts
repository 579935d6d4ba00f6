import { spawn } from 'node:child_process'
import { parseArgs } from 'node:util'
import { EMULATOR_ENV_NAMES, startWidgentEmulator } from './emulator'

const USAGE = `Usage: with-widgent-emulator [--strict] [--faults] [--token-ttl <seconds>] [-- <command> [args...]]

Starts the Widgent emulator on a free port of 127.0.0.1 and prints one line of its environment
(WIDGENT_API_URL=... WIDGENT_SCRIPT_URL=... and the demo product's ids). With a command, runs it with that
environment (your servers and your test runner find the emulator there) and stops when it exits, with its
exit code. Without one, runs until SIGINT or SIGTERM (a Playwright webServer entry).`

try {
  const { values, positionals } = parseArgs({
    options: {
      strict: { type: 'boolean' },
      faults: { type: 'boolean' },
      'token-ttl': { type: 'string' },
      help: { type: 'boolean' },
    },
    allowPositionals: true,
  })
  if (values.help) {
    console.log(USAGE)
    process.exit(0)
  }
  const ttl = values['token-ttl']
  if (ttl !== undefined && !/^\d+$/.test(ttl)) throw new Error(`--token-ttl needs whole seconds, got "${ttl}".`)
  const emulator = await startWidgentEmulator({
    strict: values.strict,
    faults: values.faults,
    ...(ttl ? { tokenTtlSeconds: Number(ttl) } : {}),
  })
  // One line, KEY=value pairs: Playwright's webServer `wait.stdout` reads them into the runner's environment.
  console.log(`Widgent emulator: ${EMULATOR_ENV_NAMES.map((name) => `${name}=${emulator.env[name]}`).join(' ')}`)
  const [command, ...args] = positionals
  if (!command) {
    const stop = () => void emulator.close().then(() => process.exit(0))
    process.once('SIGINT', stop)
    process.once('SIGTERM', stop)
  } else {
    const child = spawn(command, args, {
      stdio: 'inherit',
      env: { ...process.env, ...emulator.env },
      shell: process.platform == 'win32',
    })
    for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => child.kill(signal))
    child.on('error', (error) => {
      console.error(`with-widgent-emulator: could not run ${command}: ${error.message}`)
      void emulator.close().then(() => process.exit(127))
    })
    child.on('exit', (code, signal) => void emulator.close().then(() => process.exit(code ?? (signal ? 1 : 0))))
  }
} catch (error) {
  console.error(`${(error as Error).message}\n\n${USAGE}`)
  process.exit(1)
}
