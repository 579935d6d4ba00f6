import type { IncomingMessage, ServerResponse } from 'node:http'
import type { EmulatorContext } from '../EmulatorContext'
import { HttpError } from '../HttpError'
import { matchOrigin } from '../matchOrigin'
import { readJsonBody } from '../readJsonBody'
import { sendJson } from '../sendJson'
import { verifyToken } from '../verifyToken'

const MAX_TEXT = 2000

/**
 * `POST /v1/messages`: what the widget sends. The token (a JWT, or a strict-mode token) is verified on every
 * request; an expired one makes the session anonymous, a forged, malformed or other-product one is refused.
 */
export async function answerMessage(ctx: EmulatorContext, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const origin = req.headers.origin
  const body = await readJsonBody(req)
  const { productId, text } = body
  if (typeof productId != 'string' || !productId) throw new HttpError(400, 'productId is required.', 'productId')
  const product = ctx.products.get(productId)
  if (!product) throw new HttpError(404, `Unknown productId "${productId}".`, 'productId')
  // Requests with no Origin are not from a browser page; CORS only concerns pages.
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
  if (typeof text != 'string' || !text.trim() || text.length > MAX_TEXT) {
    throw new HttpError(400, `text must be a non-empty string of at most ${MAX_TEXT} characters.`, 'text')
  }
  const { user, expired } = readIdentity(ctx, req.headers.authorization, productId)
  const identity = user ? user.id : 'anonymous'
  const reply = user
    ? `Hi ${user.name ?? user.id}! You said: "${text}"`
    : expired
      ? `Hi there! Your session token has expired, so you are chatting anonymously. You said: "${text}"`
      : `Hi there! You are chatting anonymously. You said: "${text}"`
  ctx.log.messages.push({ productId, identity, text, origin: origin ?? null, expired, at: Date.now() })
  sendJson(res, 200, { reply, identity, expired })
}

type Identity = { user: { id: string; name?: string } | null; expired: boolean }

/** Who a bearer token names: nobody without one, and nobody (expired) once it has run out. */
function readIdentity(ctx: EmulatorContext, authorization: string | undefined, productId: string): Identity {
  if (!authorization) return { user: null, expired: false }
  const [scheme, token] = authorization.split(' ')
  if (scheme != 'Bearer' || !token)
    throw new HttpError(401, 'Authorization must be "Bearer <token from POST /v1/auth/user-token>".')
  const verified = verifyToken(token, ctx.key)
  if (!verified.ok) throw new HttpError(401, `Token rejected: ${verified.reason}.`)
  const { sub, name, pid, expiresAt } = verified.claims
  if (pid !== productId)
    throw new HttpError(401, `Token rejected: it was minted for product "${String(pid)}", not "${productId}".`)
  if (expiresAt <= Date.now()) return { user: null, expired: true }
  return { user: { id: sub, name }, expired: false }
}
