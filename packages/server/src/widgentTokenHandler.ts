import type { IncomingMessage, ServerResponse } from 'node:http'
import { logError, NO_STORE, tokenResponse, type TokenAnswer } from './tokenResponse'
import type { TokenRouteOptions } from './types'

/**
 * The token route for Express, Connect or `node:http`:
 * `app.get('/api/widgent-token', widgentTokenHandler({ getUser: (req) => req.user }))`.
 * The user comes from `getUser` alone; nothing in the request can name another one.
 */
export function widgentTokenHandler<Req extends IncomingMessage = IncomingMessage>(
  options: TokenRouteOptions<[req: Req]>,
): (req: Req, res: ServerResponse, next?: (error?: unknown) => void) => Promise<void> {
  return async (req, res, next) => {
    let answer: TokenAnswer
    try {
      answer = await tokenResponse(await options.getUser(req), options)
    } catch (error) {
      // getUser threw: the app's own error handling knows best what that means.
      if (next) return next(error)
      ;(options.onError ?? logError)(error)
      answer = { status: 500, body: { error: 'Could not tell who is signed in: see the server log.' } }
    }
    res.writeHead(answer.status, NO_STORE)
    res.end(JSON.stringify(answer.body))
  }
}
