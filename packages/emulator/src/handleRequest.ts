import type { IncomingMessage, ServerResponse } from 'node:http'
import type { EmulatorContext } from './EmulatorContext'
import { HttpError } from './HttpError'
import { answerMessage } from './routes/answerMessage'
import { checkWidgetInit } from './routes/checkWidgetInit'
import { handleEmulatorApi } from './routes/handleEmulatorApi'
import { mintUserToken } from './routes/mintUserToken'
import { preflightMessages } from './routes/preflightMessages'
import { serveIndexPage } from './routes/serveIndexPage'
import { serveWidgetScript } from './routes/serveWidgetScript'
import { sendJson } from './sendJson'

type Handler = (ctx: EmulatorContext, req: IncomingMessage, res: ServerResponse, url: URL) => Promise<void>

const ROUTES: Record<string, Record<string, Handler>> = {
  '/': { GET: serveIndexPage },
  '/widget.js': { GET: serveWidgetScript },
  '/v1/widget/config': { GET: checkWidgetInit },
  '/v1/auth/user-token': { POST: mintUserToken },
  '/v1/messages': { POST: answerMessage, OPTIONS: preflightMessages },
}

/** Routes one request; every refusal is answered `{ error, field? }` and logged as rejected. */
export async function handleRequest(ctx: EmulatorContext, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const method = req.method ?? 'GET'
  const url = requestUrl(req)
  try {
    const methods = ROUTES[url.pathname]
    if (url.pathname.startsWith('/__emulator/')) await handleEmulatorApi(ctx, req, res, url)
    else if (!methods)
      throw new HttpError(404, `No endpoint ${url.pathname}: see the emulator README for the ones it has.`)
    else if (!methods[method])
      throw new HttpError(405, `${url.pathname} does not answer ${method}.`, undefined, {
        Allow: Object.keys(methods).join(', '),
      })
    else await methods[method](ctx, req, res, url)
  } catch (error) {
    if (ctx.closing.aborted) return void res.destroy()
    const refusal = error instanceof HttpError ? error : new HttpError(500, `Emulator bug: ${String(error)}`)
    ctx.log.rejected.push({
      method,
      path: url.pathname,
      status: refusal.status,
      reason: refusal.message,
      at: Date.now(),
    })
    if (res.headersSent) return void res.destroy()
    const body = refusal.field ? { error: refusal.message, field: refusal.field } : { error: refusal.message }
    sendJson(res, refusal.status, body, refusal.headers)
  }
}

// The host the client used, so the widget calls back the way the page reached it (localhost or 127.0.0.1).
function requestUrl(req: IncomingMessage): URL {
  const local = `${req.socket.localAddress}:${req.socket.localPort}`
  try {
    return new URL(`http://${req.headers.host ?? local}${req.url}`)
  } catch {
    return new URL(`http://${local}/`)
  }
}
