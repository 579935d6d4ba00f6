import { spawn } from 'node:child_process'
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createInterface } from 'node:readline'
import { fileURLToPath } from 'node:url'
import { describe, expect, it, onTestFinished } from 'vitest'
import { claimsOf, isJwt } from '@widgent/test-utils'
import { readCliOptions } from './readCliOptions'

const CLI = fileURLToPath(new URL('../dist/cli.js', import.meta.url))

/** Runs the built CLI; resolves its URL from the first line it prints. */
function runCli(args: string[]) {
  if (!existsSync(CLI)) throw new Error(`${CLI} is missing: run "npm run build -w @widgent/emulator" first.`)
  const child = spawn(process.execPath, [CLI, ...args], { stdio: ['ignore', 'pipe', 'pipe'] })
  onTestFinished(() => void child.kill('SIGKILL'))
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)))
  const url = new Promise<string>((resolve, reject) => {
    createInterface(child.stdout).once('line', (line) => resolve(line.match(/http:\/\/\S+$/)?.[0] ?? line))
    child.once('exit', (code) => reject(new Error(`the CLI exited with ${code}`)))
  })
  // A test that expects the CLI to fail never reads the URL.
  url.catch(() => {})
  return { child, url, exited }
}

describe('widgent-emulator (the built CLI)', () => {
  it('prints its URL, serves the emulator, and stops cleanly on SIGTERM', async () => {
    const { child, url, exited } = runCli(['--port', '0'])
    const base = await url
    expect(base).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/)
    expect((await fetch(`${base}/widget.js`)).status).toBe(200)
    child.kill('SIGTERM')
    expect(await exited).toBe(0)
  })

  it('reads products, the TTL, the weight and faults from --config, and flags win over the file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'widgent-emulator-'))
    const config = join(dir, 'emulator.json')
    const product = {
      productId: 'acme',
      serviceKey: 'acme-key',
      verificationSecret: 'acme-secret',
      origins: ['https://acme.example'],
    }
    writeFileSync(
      config,
      JSON.stringify({ products: [product], tokenTtlSeconds: 60, weight: { scriptBytes: 50_000 }, port: 1 }),
    )
    const { child, url, exited } = runCli([
      '--config',
      config,
      '--port',
      '0',
      '--token-ttl',
      '5',
      '--weight',
      '100000,0',
      '--faults',
    ])
    const base = await url
    const response = await fetch(`${base}/v1/auth/user-token`, {
      method: 'POST',
      body: JSON.stringify({ productId: 'acme', verificationSecret: 'acme-secret', userId: 'u1' }),
    })
    const { token } = await response.json()
    const { iat, exp } = claimsOf(token) as { iat: number; exp: number }
    expect(exp - iat).toBeLessThanOrEqual(6)
    expect((await fetch(`${base}/__emulator/faults`)).status).toBe(200)
    expect((await (await fetch(`${base}/widget.js`)).arrayBuffer()).byteLength).toBe(100_000)
    child.kill('SIGINT')
    expect(await exited).toBe(0)
  })

  it.each([
    ['--strict', (_: string) => ['--strict']],
    ['"strict": true in --config', (config: string) => ['--config', config]],
  ])('starts in strict mode with %s: { token } alone, not a JWT, and the widget told so', async (_, args) => {
    const dir = mkdtempSync(join(tmpdir(), 'widgent-emulator-'))
    const config = join(dir, 'emulator.json')
    writeFileSync(config, JSON.stringify({ strict: true }))
    const { child, url, exited } = runCli(['--port', '0', ...args(config)])
    const base = await url
    const response = await fetch(`${base}/v1/auth/user-token`, {
      method: 'POST',
      body: JSON.stringify({ productId: 'demo-product', verificationSecret: 'demo-verification-secret', userId: 'u1' }),
    })
    const body = await response.json()
    expect(Object.keys(body)).toEqual(['token'])
    expect(isJwt(body.token)).toBe(false)
    expect(await (await fetch(`${base}/widget.js`)).text()).toContain('"strict":true')
    child.kill('SIGTERM')
    expect(await exited).toBe(0)
  })

  it('refuses a config file whose strict is not a boolean, and exits 1', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'widgent-emulator-'))
    const config = join(dir, 'emulator.json')
    writeFileSync(config, JSON.stringify({ strict: 'yes' }))
    const { child, exited } = runCli(['--port', '0', '--config', config])
    let stderr = ''
    child.stderr.on('data', (chunk) => (stderr += chunk))
    expect(await exited).toBe(1)
    expect(stderr).toMatch(/strict must be true or false/)
  })

  it('explains a bad flag and exits 1', async () => {
    const { child, exited } = runCli(['--port', 'eighty'])
    let stderr = ''
    child.stderr.on('data', (chunk) => (stderr += chunk))
    expect(await exited).toBe(1)
    expect(stderr).toMatch(/--port needs a whole number/)
  })
})

describe('readCliOptions', () => {
  it('defaults to port 4010 and reads every flag', () => {
    expect(readCliOptions([])).toEqual({ port: 4010 })
    expect(readCliOptions(['--port', '0', '--host', '::1', '--token-ttl', '60', '--faults'])).toEqual({
      port: 0,
      host: '::1',
      tokenTtlSeconds: 60,
      faults: true,
    })
    expect(readCliOptions(['--strict'])).toEqual({ port: 4010, strict: true })
    expect(readCliOptions(['--weight', '300000,150'])).toEqual({
      port: 4010,
      weight: { scriptBytes: 300_000, startupMs: 150 },
    })
  })

  it('says what is wrong with a config file', () => {
    expect(() => readCliOptions(['--config', '/nonexistent/emulator.json'])).toThrow(/Could not read --config/)
    expect(() => readCliOptions(['--unknown'])).toThrow(/unknown/i)
    expect(() => readCliOptions(['--weight', '300000'])).toThrow(/--weight needs <scriptBytes>,<startupMs>/)
    expect(() => readCliOptions(['--weight', '300kb,150'])).toThrow(/--weight needs a whole number/)
  })
})
