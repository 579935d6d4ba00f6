import { existsSync } from 'node:fs'
import { chromium, type LaunchOptions } from 'playwright-core'

/** Debian's Chromium (CI installs it when missing), or CHROMIUM_PATH. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'

/** Headless on this machine: no sandbox (root), no GPU, and nothing that reaches for the network by itself. */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
]

const checkChromium = () => {
  if (!existsSync(CHROMIUM_PATH))
    throw new Error(`No Chromium at ${CHROMIUM_PATH}: apt-get install chromium, or set CHROMIUM_PATH.`)
}

/** The launch options every browser test uses; `extra` adds to them (e.g. `ignoreDefaultArgs`). */
export const chromiumOptions = (extra: LaunchOptions = {}): LaunchOptions => ({
  executablePath: CHROMIUM_PATH,
  ...extra,
  args: [...CHROMIUM_ARGS, ...(extra.args ?? [])],
})

/** A Chromium for this process; close it when done. */
export function launchChromium(extra?: LaunchOptions) {
  checkChromium()
  return chromium.launch(chromiumOptions(extra))
}

/** A Chromium other processes connect to (`chromium.connect(server.wsEndpoint())`); close it when done. */
export function launchChromiumServer(extra?: LaunchOptions) {
  checkChromium()
  return chromium.launchServer(chromiumOptions(extra))
}
