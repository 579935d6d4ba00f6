import { readFileSync } from 'node:fs'
import { parseArgs } from 'node:util'
import type { EmulatorOptions } from './types'

export const USAGE = `Usage: widgent-emulator [--port 4010] [--host 127.0.0.1] [--config emulator.json] [--token-ttl 3600] [--strict]
                        [--weight 300000,150] [--faults]

  --port       port to listen on (0 picks a free one; default 4010)
  --host       interface to listen on (default 127.0.0.1)
  --config     a JSON file of start options: { "products": [...], "tokenTtlSeconds": 60, "strict": true,
               "weight": { "scriptBytes": 300000, "startupMs": 150 }, "faults": true }
  --token-ttl  lifetime of minted tokens, in whole seconds
  --strict     offer only what the vendor page documents (tokens that are not JWTs, no ready flag, no command queue)
  --weight     what the widget costs a page: its script padded to this many bytes, and this many ms of blocking
               start-up work (e.g. 300000,150)
  --faults     enable the fault knobs (POST /__emulator/faults) for tests`

/** The command line (and its --config file) as `startEmulator` options; flags win over the file. */
export function readCliOptions(args: string[]): EmulatorOptions {
  const { values } = parseArgs({
    args,
    options: {
      port: { type: 'string' },
      host: { type: 'string' },
      config: { type: 'string' },
      'token-ttl': { type: 'string' },
      strict: { type: 'boolean' },
      weight: { type: 'string' },
      faults: { type: 'boolean' },
    },
    strict: true,
  })
  const options: EmulatorOptions = { port: 4010, ...(values.config ? readConfigFile(values.config) : {}) }
  if (values.port !== undefined) options.port = wholeNumber('--port', values.port)
  if (values.host !== undefined) options.host = values.host
  if (values['token-ttl'] !== undefined) options.tokenTtlSeconds = wholeNumber('--token-ttl', values['token-ttl'])
  if (values.strict) options.strict = true
  if (values.weight !== undefined) {
    const [scriptBytes, startupMs, ...rest] = values.weight.split(',')
    if (rest.length || startupMs === undefined)
      throw new Error(`--weight needs <scriptBytes>,<startupMs>, e.g. 300000,150 (got "${values.weight}").`)
    options.weight = {
      scriptBytes: wholeNumber('--weight', scriptBytes!),
      startupMs: wholeNumber('--weight', startupMs),
    }
  }
  if (values.faults) options.faults = true
  return options
}

const wholeNumber = (flag: string, text: string) => {
  if (!/^\d+$/.test(text)) throw new Error(`${flag} needs a whole number, got "${text}".`)
  return Number(text)
}

function readConfigFile(path: string): EmulatorOptions {
  let config: unknown
  try {
    config = JSON.parse(readFileSync(path, 'utf8'))
  } catch (error) {
    throw new Error(`Could not read --config ${path}: ${(error as Error).message}`, { cause: error })
  }
  if (!config || typeof config != 'object' || Array.isArray(config)) {
    throw new Error(`--config ${path} must hold a JSON object such as { "products": [...], "tokenTtlSeconds": 60 }.`)
  }
  return config as EmulatorOptions
}
