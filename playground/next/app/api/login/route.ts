import { signIn } from '../../session'

/** `POST {"user": "ada" | "grace"}`: signs that demo user in. */
export async function POST(request: Request) {
  const body = (await request.json().catch(() => null)) as { user?: unknown } | null
  const user = await signIn(body?.user)
  if (!user) return Response.json({ error: 'Unknown user: send { "user": "ada" | "grace" }.' }, { status: 400 })
  return Response.json({ user })
}
