import { DEMO_PRODUCT } from './DEMO_PRODUCT'
import { readCliOptions, USAGE } from './readCliOptions'
import { startEmulator } from './startEmulator'

// `widgent-emulator`: prints the URL on its first line (scripts may read it), stops on Ctrl-C or SIGTERM.
try {
  if (process.argv.includes('--help')) {
    console.log(USAGE)
    process.exit(0)
  }
  const options = readCliOptions(process.argv.slice(2))
  const emulator = await startEmulator(options)
  console.log(`Widgent emulator listening on ${emulator.url}`)
  for (const product of options.products ?? [])
    console.log(`  product ${product.productId}: origins ${product.origins.join(', ')}`)
  if (!options.products) {
    const { productId, serviceKey, verificationSecret } = DEMO_PRODUCT
    console.log(
      `  product ${productId} (serviceKey ${serviceKey}, verificationSecret ${verificationSecret}): any localhost origin`,
    )
  }
  if (options.strict)
    console.log(
      '  strict: only what the vendor page documents (tokens that are not JWTs, no ready flag, no command queue)',
    )
  const { scriptBytes = 0, startupMs = 0 } = options.weight ?? {}
  if (scriptBytes || startupMs)
    console.log(`  weight: the script padded to ${scriptBytes} bytes, ${startupMs} ms of blocking start-up work`)
  if (options.faults) console.log('  fault knobs on: POST /__emulator/faults')
  const stop = async () => {
    await emulator.close()
    process.exit(0)
  }
  process.once('SIGINT', stop)
  process.once('SIGTERM', stop)
} catch (error) {
  const { code, message } = error as NodeJS.ErrnoException
  console.error(code == 'EADDRINUSE' ? 'That port is in use: pass --port with another (0 picks a free one).' : message)
  if (code?.startsWith('ERR_PARSE_ARGS')) console.error(`\n${USAGE}`)
  process.exit(1)
}
