import type { IncomingMessage, ServerResponse } from 'node:http'
import type { EmulatorContext } from '../EmulatorContext'
import { HttpError } from '../HttpError'
import { matchOrigin } from '../matchOrigin'
import { sendJson } from '../sendJson'

/** `GET /v1/widget/config?productId&serviceKey`: the widget's `init` checks its credentials and origin here. */
export async function checkWidgetInit(
  ctx: EmulatorContext,
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
): Promise<void> {
  const origin = req.headers.origin
  const productId = url.searchParams.get('productId') ?? ''
  const product = ctx.products.get(productId)
  if (!product)
    throw new HttpError(
      404,
      `Unknown productId "${productId}": check the productId passed to widgent.init.`,
      'productId',
    )
  if (origin) {
    if (!matchOrigin(origin, product.origins)) {
      throw new HttpError(
        403,
        `Origin ${origin} is not registered for product "${productId}": add it to the product's origins.`,
      )
    }
    res.setHeader('Access-Control-Allow-Origin', origin)
    res.setHeader('Vary', 'Origin')
  }
  if (url.searchParams.get('serviceKey') !== product.serviceKey) {
    throw new HttpError(
      401,
      `Wrong serviceKey for product "${productId}": check the serviceKey passed to widgent.init.`,
      'serviceKey',
    )
  }
  ctx.log.inits.push({ productId, origin: origin ?? null, at: Date.now() })
  // The service's time: the widget judges tokens by it, never by the page's clock, which may be hours off.
  sendJson(res, 200, { productId, now: Date.now() })
}
