import { randomUUID } from 'node:crypto'
import type { AddressInfo } from 'node:net'
import { setTimeout as sleep } from 'node:timers/promises'
import express, { type Request } from 'express'
import { widgentTokenHandler } from '@widgent/server'
import { DEMO_USERS, type DemoUser } from '@widgent/test-utils/demo'
import { INDEX_PAGE } from './indexPage'
import { tokenFaults } from './tokenFaults'

export interface BackendOptions {
  /** 0 (the default) picks a free port. */
  port?: number
  /** Where `@widgent/server` asks for tokens: the emulator, or the real service. */
  apiUrl: string
  productId: string
  verificationSecret: string
  /** How long session, login and logout answers take, as a real auth service's do. Default 300. */
  latencyMs?: number
}

/** One request to the token route, as the backend answered it. */
export interface TokenRouteCall {
  /** The signed-in user's id, or null when the session had none. */
  userId: string | null
  /** 0 when no answer went out: the client left first (its timeout). */
  status: number
  at: number
}

export interface Backend {
  /** e.g. `http://127.0.0.1:4020`, no trailing slash. */
  url: string
  /** Every request to `/api/widgent-token` so far, so tests can count them. */
  tokenRequests(): TokenRouteCall[]
  close(): Promise<void>
}

const COOKIE = 'playground_session'

/**
 * The demo backend: it owns who is signed in (a session id in an HttpOnly cookie, the session in memory)
 * and mints Widgent tokens for that user only. The apps reach it through their dev server's `/api` proxy,
 * so the cookie is first-party.
 */
export async function startBackend({
  port = 0,
  apiUrl,
  productId,
  verificationSecret,
  latencyMs = 300,
}: BackendOptions): Promise<Backend> {
  const sessions = new Map<string, DemoUser>()
  const tokenRequests: TokenRouteCall[] = []
  const sessionId = (req: Request) => /(?:^|;\s*)playground_session=([^;]+)/.exec(req.headers.cookie ?? '')?.[1]
  const userOf = (req: Request) => sessions.get(sessionId(req) ?? '') ?? null

  const app = express()
  app.use(express.json())

  app.get('/', (_req, res) => void res.type('html').send(INDEX_PAGE))

  app.get('/api/session', async (req, res) => {
    await sleep(latencyMs)
    res.set('Cache-Control', 'no-store').json({ user: userOf(req) })
  })

  app.post('/api/login', async (req, res) => {
    const user = DEMO_USERS[req.body?.user as keyof typeof DEMO_USERS]
    if (!user)
      return void res
        .status(400)
        .json({ error: `Unknown user: send { "user": "${Object.keys(DEMO_USERS).join('" | "')}" }.` })
    await sleep(latencyMs)
    const id = randomUUID()
    sessions.delete(sessionId(req) ?? '')
    sessions.set(id, user)
    res.cookie(COOKIE, id, { httpOnly: true, sameSite: 'lax', path: '/' }).json({ user })
  })

  app.post('/api/logout', async (req, res) => {
    await sleep(latencyMs)
    sessions.delete(sessionId(req) ?? '')
    res.clearCookie(COOKIE, { path: '/' }).json({ user: null })
  })

  // A test hook: the session ends on the server while the page still thinks it is signed in (an expired or
  // revoked session), so the next token request answers 401.
  app.post('/api/__expire-session', (req, res) => {
    sessions.delete(sessionId(req) ?? '')
    res.status(204).end()
  })

  // Test hooks for the fault matrix: what the token route answers instead (see tokenFaults.ts).
  const faults = tokenFaults((req) => userOf(req)?.id ?? null)
  app.use(faults.router)

  app.get(
    '/api/widgent-token',
    (req, res, next) => {
      const userId = userOf(req)?.id ?? null
      // On close, not finish: a request whose client left before the answer counts too.
      res.on('close', () =>
        tokenRequests.push({ userId, status: res.writableFinished ? res.statusCode : 0, at: Date.now() }),
      )
      next()
    },
    faults.play,
    widgentTokenHandler({ getUser: userOf, apiUrl, productId, verificationSecret }),
  )

  const server = app.listen(port, '127.0.0.1')
  await new Promise<void>((resolve, reject) => server.once('listening', resolve).once('error', reject))
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    tokenRequests: () => tokenRequests.slice(),
    close() {
      server.closeAllConnections()
      return new Promise((resolve) => server.close(() => resolve()))
    },
  }
}
