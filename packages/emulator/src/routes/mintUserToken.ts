import { timingSafeEqual } from 'node:crypto'
import type { IncomingMessage, ServerResponse } from 'node:http'
import { setTimeout as delay } from 'node:timers/promises'
import { validateTokenRequest } from '@widgent/token-request'
import type { EmulatorContext } from '../EmulatorContext'
import { HttpError } from '../HttpError'
import { readJsonBody } from '../readJsonBody'
import { sendJson } from '../sendJson'
import { signToken } from '../signToken'

/**
 * `POST /v1/auth/user-token`: server-to-server, so it never sends a CORS allowance; a browser page that
 * tries it cannot read the answer (and should not hold the secret anyway).
 */
export async function mintUserToken(ctx: EmulatorContext, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const body = await readJsonBody(req)
  if (ctx.faults.tokenDelayMs) await delay(ctx.faults.tokenDelayMs, undefined, { signal: ctx.closing })
  const { faults } = ctx
  if (faults.tokenStatus && ctx.tokenFailuresLeft > 0) {
    const status = faults.tokenStatus
    if (--ctx.tokenFailuresLeft == 0) {
      delete faults.tokenStatus
      delete faults.tokenFailCount
    }
    throw new HttpError(status, `Fault injected: tokenStatus ${status}.`)
  }
  const checked = validateTokenRequest(body)
  if (!checked.ok) throw new HttpError(400, checked.error, checked.field)
  const { productId, verificationSecret, userId, name, metadata } = checked.request
  const product = ctx.products.get(productId)
  if (!product)
    throw new HttpError(404, `Unknown productId "${productId}": use one the emulator was started with.`, 'productId')
  if (!sameText(verificationSecret, product.verificationSecret)) {
    throw new HttpError(401, `Wrong verificationSecret for product "${productId}".`, 'verificationSecret')
  }
  const now = Date.now()
  const iat = Math.floor(now / 1000)
  // Rounded up, so a token always lives at least the configured TTL.
  const exp = Math.ceil((now + ctx.settings.tokenTtlSeconds * 1000) / 1000)
  const token = signToken({ sub: userId, name, metadata, pid: productId, iat, exp }, ctx.key, {
    strict: ctx.settings.strict,
  })
  ctx.log.tokens.push({ userId, name: name ?? null, metadata: metadata ?? null, productId, iat, exp, at: now })
  // The vendor page documents `{ token }` only; `expiresAt` is the default mode's extra.
  sendJson(res, 200, ctx.settings.strict ? { token } : { token, expiresAt: exp * 1000 })
}

const sameText = (a: string, b: string) => {
  const [x, y] = [Buffer.from(a), Buffer.from(b)]
  return x.length == y.length && timingSafeEqual(x, y)
}
