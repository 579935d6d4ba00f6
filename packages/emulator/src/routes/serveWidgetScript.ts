import type { IncomingMessage, ServerResponse } from 'node:http'
import { setTimeout as delay } from 'node:timers/promises'
import type { EmulatorContext } from '../EmulatorContext'
import { HttpError } from '../HttpError'
import { padScript } from '../padScript'
import widget from '../widget/widget.js?raw'

/** `GET /widget.js`: the widget, told where its API is (the host the page loaded it from). */
export async function serveWidgetScript(
  ctx: EmulatorContext,
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
): Promise<void> {
  const mode = ctx.faults.script ?? 'ok'
  if (mode == '404') throw new HttpError(404, 'Fault injected: script 404.')
  if (mode == 'slow') await delay(ctx.faults.scriptDelayMs ?? 5000, undefined, { signal: ctx.closing })
  ctx.log.scriptLoads++
  const { strict, weight } = ctx.settings
  const config = JSON.stringify({
    apiUrl: url.origin,
    neverReady: mode == 'never-ready',
    strict,
    startupMs: weight.startupMs,
  })
  res.writeHead(200, {
    'Content-Type': 'application/javascript; charset=utf-8',
    'Cache-Control': 'no-store',
    // Public, as a CDN serves it, so a page may load it with a crossorigin attribute.
    'Access-Control-Allow-Origin': '*',
  })
  res.end(padScript(widget.replace('__WIDGENT_EMULATOR_CONFIG__', config), weight.scriptBytes))
}
