import { setTimeout as sleep } from 'node:timers/promises'
import express, { type Request, type RequestHandler, type Router } from 'express'
import { jwt } from '@widgent/test-utils/tokens'

/**
 * Faults the token route plays instead of its normal answer: what the emulator cannot make it do, since
 * `@widgent/server` turns every failure of the service into a 502.
 */
export interface TokenFaults {
  /** Answer this status (400-599) with a JSON error, e.g. 403 or 500. */
  tokenStatus?: number
  /** Answer 200 with a body other than `{ "token": "<jwt>" }`. */
  tokenBody?: 'html' | 'malformed-json' | 'no-token' | 'number-token' | 'expired-token'
  /** Wait this long (ms, up to 120 000) before answering; a client that left meanwhile gets nothing minted. */
  tokenDelayMs?: number
  /** How many token requests the faults apply to before they clear themselves; all of them when absent. */
  tokenFailCount?: number
}

const BODIES = ['html', 'malformed-json', 'no-token', 'number-token', 'expired-token'] as const
const CHECKS: Record<keyof TokenFaults, (value: unknown) => boolean> = {
  tokenStatus: (value) => Number.isInteger(value) && (value as number) >= 400 && (value as number) <= 599,
  tokenBody: (value) => BODIES.includes(value as (typeof BODIES)[number]),
  tokenDelayMs: (value) => Number.isInteger(value) && (value as number) >= 0 && (value as number) <= 120_000,
  tokenFailCount: (value) => Number.isInteger(value) && (value as number) >= 1,
}

/** The 200 bodies of `tokenBody`: [content type, body]. */
const body = (fault: NonNullable<TokenFaults['tokenBody']>, userId: string): [type: string, text: string] =>
  (
    ({
      html: [
        'text/html; charset=utf-8',
        '<!doctype html><title>Sign in</title><form method="post" action="/login"><button>Sign in</button></form>',
      ],
      'malformed-json': ['application/json', '{"token": "eyJhbGciOi'],
      'no-token': ['application/json', '{"ok":true}'],
      'number-token': ['application/json', '{"token":12345}'],
      // Well formed, but it expired a minute ago (unsigned: the kit reads the expiry before anything checks a signature).
      'expired-token': ['application/json', JSON.stringify({ token: jwt(userId, -60) })],
    }) satisfies Record<typeof fault, [string, string]>
  )[fault]

/**
 * A test hook for the end-to-end suite's fault matrix: `POST /api/__faults` merges knobs into the current ones
 * (an unknown knob or a bad value is a 400 that changes nothing), `GET` reads them, `DELETE` clears them.
 * `play` goes in front of the token route, and with no knob set it only passes the request on.
 */
export function tokenFaults(userIdOf: (req: Request) => string | null): { router: Router; play: RequestHandler } {
  let faults: TokenFaults = {}
  const router = express.Router()
  router
    .route('/api/__faults')
    .get((_req, res) => void res.json(faults))
    .post((req, res) => {
      const patch = (req.body ?? {}) as Record<string, unknown>
      const bad = Object.keys(patch).find(
        (key) => !(Object.hasOwn(CHECKS, key) && CHECKS[key as keyof TokenFaults](patch[key])),
      )
      if (bad) return void res.status(400).json({ error: `Bad fault knob ${bad}: see playground/README.md.` })
      faults = { ...faults, ...patch }
      res.json(faults)
    })
    .delete((_req, res) => {
      faults = {}
      res.status(204).end()
    })

  const play: RequestHandler = async (req, res, next) => {
    const { tokenStatus, tokenBody, tokenDelayMs, tokenFailCount } = faults
    if (!Object.keys(faults).length) return next()
    if (tokenFailCount) faults = tokenFailCount > 1 ? { ...faults, tokenFailCount: tokenFailCount - 1 } : {}
    if (tokenDelayMs) {
      const left = new AbortController()
      res.once('close', () => left.abort())
      await sleep(tokenDelayMs, undefined, { signal: left.signal }).catch(() => {})
    }
    // The client gave up (the kit's tokenTimeoutMs): nothing more to do, and nothing is minted.
    if (res.destroyed) return
    if (tokenStatus)
      return void res.status(tokenStatus).json({ error: `A fault knob: this route answers ${tokenStatus}.` })
    if (tokenBody) {
      const [type, text] = body(tokenBody, userIdOf(req) ?? 'nobody')
      return void res.status(200).type(type).set('Cache-Control', 'no-store').send(text)
    }
    next()
  }
  return { router, play }
}
