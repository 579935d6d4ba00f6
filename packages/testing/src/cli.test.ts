// @vitest-environment node
import { spawn } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { EMULATOR_ENV_NAMES } from './emulator'
import { widgentEmulator } from '@widgent/testing/playwright'

// The built command, as users and Playwright's webServer run it.
const cli = fileURLToPath(new URL('../dist/cli.js', import.meta.url))

function run(args: string[]) {
  const child = spawn(process.execPath, [cli, ...args], { stdio: ['ignore', 'pipe', 'pipe'] })
  let out = ''
  child.stdout.on('data', (chunk) => (out += chunk))
  child.stderr.on('data', (chunk) => (out += chunk))
  const exited = new Promise<number | null>((resolve) => child.on('exit', resolve))
  const line = () =>
    new Promise<string>((resolve, reject) => {
      child.stdout.on('data', () => out.includes('\n') && resolve(out.split('\n')[0]!))
      void exited.then(() => reject(new Error(`exited before printing: ${out}`)))
    })
  return { child, exited, line, output: () => out }
}

describe('with-widgent-emulator', () => {
  it('without a command: prints the environment on one line, in the shape the Playwright entry reads, and stops on SIGTERM', async () => {
    const { child, exited, line } = run(['--strict'])
    const first = await line()
    const groups = widgentEmulator().wait.stdout.exec(first)?.groups
    expect(Object.keys(groups ?? {})).toEqual([...EMULATOR_ENV_NAMES])
    const url = groups!.WIDGENT_API_URL!
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/)
    expect(groups).toMatchObject({
      WIDGENT_EMULATOR_URL: url,
      WIDGENT_SCRIPT_URL: `${url}/widget.js`,
      WIDGENT_PRODUCT_ID: 'demo-product',
    })
    const config = await (await fetch(`${url}/__emulator/log`)).json()
    expect(config).toHaveProperty('tokens')
    child.kill('SIGTERM')
    expect(await exited).toBe(0)
    await expect(fetch(`${url}/widget.js`)).rejects.toThrow()
  })

  it('with a command: runs it with the environment, stops the emulator when it exits, and exits with its code', async () => {
    const script =
      "fetch(process.env.WIDGENT_SCRIPT_URL).then((r) => { console.log('child', r.status, process.env.WIDGENT_API_URL); process.exit(3) })"
    const { exited, output } = run(['--', process.execPath, '-e', script])
    expect(await exited).toBe(3)
    const url = /WIDGENT_API_URL=(\S+)/.exec(output())![1]!
    expect(output()).toContain(`child 200 ${url}`)
    await expect(fetch(`${url}/widget.js`)).rejects.toThrow()
  })

  it('refuses a bad flag with its usage, exit 1', async () => {
    const { exited, output } = run(['--token-ttl', 'soon'])
    expect(await exited).toBe(1)
    expect(output()).toContain('--token-ttl needs whole seconds, got "soon".')
    expect(output()).toContain('Usage: with-widgent-emulator')
  })
})

describe('widgentEmulator (the Playwright webServer entry)', () => {
  it('runs the built command with the options as flags, stopped with SIGTERM', () => {
    const server = widgentEmulator({ strict: true, faults: true, tokenTtlSeconds: 5 })
    expect(server.command).toBe(`"${process.execPath}" "${cli}" --strict --faults --token-ttl 5`)
    expect(server.gracefulShutdown).toEqual({ signal: 'SIGTERM', timeout: 5000 })
    expect(widgentEmulator().command).toBe(`"${process.execPath}" "${cli}"`)
  })
})
