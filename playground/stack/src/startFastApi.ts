import { execFile, spawn } from 'node:child_process'
import { once } from 'node:events'
import { existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import type { AppServer } from './startApp'
import { stopChild } from './stopChild'
import { untilServing } from './untilServing'

export interface StartFastApiOptions {
  port: number
  /** The demo backend, whose session says who is signed in. */
  backendUrl: string
  /** Where the route asks for tokens, and as which product. */
  service: { apiUrl: string; productId: string; verificationSecret: string }
  quiet: boolean
}

const APP_DIR = fileURLToPath(new URL('../../fastapi/', import.meta.url))
// Debian's python3-fastapi and friends install for the system's Python, which a pyenv or venv `python3` may hide.
const PYTHON = existsSync('/usr/bin/python3') ? '/usr/bin/python3' : 'python3'
const READY_WITHIN_MS = 30_000
const FASTAPI_MISSING =
  'The FastAPI token route needs Python 3 with FastAPI, uvicorn and requests: on Debian or Ubuntu, ' +
  '`sudo apt-get install -y python3-fastapi python3-uvicorn python3-requests` (or `pip install fastapi uvicorn requests`).'

/**
 * The vendor page's FastAPI token route (`playground/fastapi/app.py`) under uvicorn on 127.0.0.1:`port`; its URL
 * serves `GET /api/widgent-token` only. Throws, saying what to install, when Python lacks FastAPI, uvicorn or requests.
 */
export async function startFastApi({ port, backendUrl, service, quiet }: StartFastApiOptions): Promise<AppServer> {
  await promisify(execFile)(PYTHON, ['-c', 'import fastapi, uvicorn, requests']).catch((error: Error) => {
    throw new Error(`${FASTAPI_MISSING}\n${PYTHON}: ${error.message.trim()}`)
  })
  const child = spawn(
    PYTHON,
    [
      '-m',
      'uvicorn',
      'app:app',
      '--host',
      '127.0.0.1',
      '--port',
      String(port),
      '--log-level',
      quiet ? 'warning' : 'info',
    ],
    {
      cwd: APP_DIR,
      env: {
        ...process.env,
        WIDGENT_API_URL: service.apiUrl,
        WIDGENT_PRODUCT_ID: service.productId,
        WIDGENT_VERIFICATION_SECRET: service.verificationSecret,
        BACKEND_URL: backendUrl,
        PYTHONDONTWRITEBYTECODE: '1',
      },
      stdio: ['ignore', 'inherit', 'inherit'],
    },
  )
  const exited = once(child, 'exit')
  const close = () => stopChild(child, exited)
  const url = `http://127.0.0.1:${port}/`
  const outcome = await Promise.race([
    untilServing(`${url}api/widgent-token`, READY_WITHIN_MS, 401),
    exited.then(([code]) => `exited with code ${code}`),
  ])
  if (outcome) {
    await close()
    throw new Error(`The FastAPI token route (uvicorn) ${outcome}: see its output above.`)
  }
  return { url, close }
}
