import type { IncomingMessage, ServerResponse } from 'node:http'
import { checkSettings, SettingError } from '../checkSettings'
import { emptyLog, type EmulatorContext } from '../EmulatorContext'
import { HttpError } from '../HttpError'
import { isLoopbackOrigin } from '../matchOrigin'
import { parseFaults } from '../parseFaults'
import { readJsonBody } from '../readJsonBody'
import { sendJson } from '../sendJson'

/**
 * `/__emulator/*`: the test endpoints. The log is always readable; changing anything needs `faults: true`.
 * Pages on this machine may call them (tests read the log from pages); pages elsewhere may not.
 */
export async function handleEmulatorApi(
  ctx: EmulatorContext,
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
): Promise<void> {
  const origin = req.headers.origin
  if (origin) {
    if (!isLoopbackOrigin(origin))
      throw new HttpError(
        403,
        `Origin ${origin} may not use the emulator's test endpoints: only pages on this machine may.`,
      )
    res.setHeader('Access-Control-Allow-Origin', origin)
    res.setHeader('Vary', 'Origin')
  }
  const route = `${req.method} ${url.pathname}`
  if (req.method == 'OPTIONS') {
    res.writeHead(204, {
      'Access-Control-Allow-Methods': 'GET, POST, DELETE',
      'Access-Control-Allow-Headers': 'Content-Type',
      'Access-Control-Max-Age': '600',
    })
    return void res.end()
  }
  if (route == 'GET /__emulator/log') return sendJson(res, 200, ctx.log)
  if (!ctx.faultsEnabled) {
    throw new HttpError(404, `${route} needs the fault knobs: start the emulator with faults: true or --faults.`)
  }
  switch (route) {
    case 'DELETE /__emulator/log':
      ctx.log = emptyLog()
      return sendJson(res, 200, ctx.log)
    case 'GET /__emulator/faults':
      return sendJson(res, 200, ctx.faults)
    case 'POST /__emulator/faults': {
      const changes = parseFaults(await readJsonBody(req))
      ctx.faults = { ...ctx.faults, ...changes }
      if ('tokenStatus' in changes || 'tokenFailCount' in changes)
        ctx.tokenFailuresLeft = ctx.faults.tokenFailCount ?? Infinity
      return sendJson(res, 200, ctx.faults)
    }
    case 'DELETE /__emulator/faults':
      ctx.faults = {}
      return sendJson(res, 200, ctx.faults)
    case 'GET /__emulator/config':
      return sendJson(res, 200, ctx.settings)
    case 'POST /__emulator/config': {
      const body = await readJsonBody(req)
      try {
        ctx.settings = { ...ctx.settings, ...checkSettings(body) }
      } catch (error) {
        if (error instanceof SettingError) throw new HttpError(400, error.message, error.field)
        throw error
      }
      return sendJson(res, 200, ctx.settings)
    }
  }
  throw new HttpError(404, `No test endpoint ${route}: see the emulator README.`)
}
