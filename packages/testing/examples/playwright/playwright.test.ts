// @vitest-environment node
import { spawn } from 'node:child_process'
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { expect, it } from 'vitest'

// The README's Playwright example, run by the real Playwright test runner in Chromium: the emulator and the app
// as webServer entries on free ports, the fixture, and the page against them.
it('the Playwright example passes under `playwright test`', async () => {
  const out = await mkdtemp(join(tmpdir(), 'widgent-playwright-'))
  try {
    const cli = createRequire(import.meta.url).resolve('@playwright/test/cli')
    const config = fileURLToPath(new URL('playwright.config.ts', import.meta.url))
    const child = spawn(
      process.execPath,
      [cli, 'test', '-c', config, '--reporter=json', '--output', join(out, 'results')],
      {
        env: {
          ...process.env,
          CHROMIUM_PATH: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
          PLAYWRIGHT_JSON_OUTPUT_NAME: join(out, 'report.json'),
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    )
    let output = ''
    child.stdout.on('data', (chunk) => (output += chunk))
    child.stderr.on('data', (chunk) => (output += chunk))
    const code = await new Promise((resolve) => child.on('exit', resolve))
    const report = JSON.parse(await readFile(join(out, 'report.json'), 'utf8'))
    const results = report.suites.flatMap((suite: { specs: Array<{ title: string; ok: boolean }> }) =>
      suite.specs.map(({ title, ok }) => ({ title, ok })),
    )
    expect(results, output).toEqual([
      { title: 'the widget knows who signs in, and forgets them at sign-out', ok: true },
      { title: 'a message from the widget reaches the agent as the signed-in user', ok: true },
    ])
    expect(report.stats).toMatchObject({ expected: 2, unexpected: 0, skipped: 0, flaky: 0 })
    expect(code).toBe(0)
  } finally {
    await rm(out, { recursive: true, force: true })
  }
}, 120_000)
