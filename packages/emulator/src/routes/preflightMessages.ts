import type { IncomingMessage, ServerResponse } from 'node:http'
import type { EmulatorContext } from '../EmulatorContext'
import { HttpError } from '../HttpError'
import { matchOrigin } from '../matchOrigin'

/**
 * `OPTIONS /v1/messages`. A preflight carries no body, so no product: it passes when any product registered
 * the origin, and the message itself is then checked against its own product's origins.
 */
export async function preflightMessages(
  ctx: EmulatorContext,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  const origin = req.headers.origin
  if (![...ctx.products.values()].some((product) => matchOrigin(origin, product.origins))) {
    throw new HttpError(
      403,
      `Origin ${origin ?? '(none)'} is not registered for any product: add it to the product's origins.`,
    )
  }
  res.writeHead(204, {
    'Access-Control-Allow-Origin': origin!,
    'Access-Control-Allow-Methods': 'POST',
    'Access-Control-Allow-Headers': 'Authorization, Content-Type',
    'Access-Control-Max-Age': '600',
    Vary: 'Origin',
  })
  res.end()
}
