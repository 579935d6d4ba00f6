import { randomUUID } from 'node:crypto'
import { cookies } from 'next/headers'
import { DEMO_USERS } from '@widgent/test-utils/demo'
import type { AuthUser } from '@widgent/playground-shared'

// Not the demo backend's cookie: this app keeps sessions of its own.
const COOKIE = 'playground_next_session'

// On globalThis: Next bundles route handlers and pages apart, and each bundle would get a map of its own.
const store = globalThis as typeof globalThis & { __playgroundNextSessions?: Map<string, AuthUser> }
const sessions = (store.__playgroundNextSessions ??= new Map())

/** Who this request's session cookie says is signed in; null when nobody is. */
export async function sessionUser(): Promise<AuthUser | null> {
  return sessions.get((await cookies()).get(COOKIE)?.value ?? '') ?? null
}

/** Starts a session for `name` (a new id in an HttpOnly cookie), ending the request's old one; null for an unknown name. */
export async function signIn(name: unknown): Promise<AuthUser | null> {
  const user = Object.hasOwn(DEMO_USERS, String(name)) ? DEMO_USERS[name as keyof typeof DEMO_USERS] : null
  if (!user) return null
  const jar = await cookies()
  sessions.delete(jar.get(COOKIE)?.value ?? '')
  const id = randomUUID()
  sessions.set(id, user)
  jar.set(COOKIE, id, { httpOnly: true, sameSite: 'lax', path: '/' })
  return user
}

export async function signOut(): Promise<void> {
  const jar = await cookies()
  sessions.delete(jar.get(COOKIE)?.value ?? '')
  jar.delete(COOKIE)
}
