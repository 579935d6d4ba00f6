import { logError, NO_STORE, tokenResponse, type TokenAnswer } from './tokenResponse'
import type { TokenRouteOptions } from './types'

/**
 * The token route for fetch-style servers (Next.js route handlers, Hono, SvelteKit, Remix, Bun, Deno):
 * `export const GET = widgentTokenRoute({ getUser: async (request) => ... })`. Whatever else the framework
 * passes after the request (a context, an event) reaches `getUser` too. The user comes from `getUser` alone.
 */
export function widgentTokenRoute<Args extends unknown[] = []>(
  options: TokenRouteOptions<[request: Request, ...rest: Args]>,
): (request: Request, ...rest: Args) => Promise<Response> {
  return async (request, ...rest) => {
    let answer: TokenAnswer
    try {
      answer = await tokenResponse(await options.getUser(request, ...rest), options)
    } catch (error) {
      ;(options.onError ?? logError)(error)
      answer = { status: 500, body: { error: 'Could not tell who is signed in: see the server log.' } }
    }
    return new Response(JSON.stringify(answer.body), { status: answer.status, headers: NO_STORE })
  }
}
