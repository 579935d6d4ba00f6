import { useWidgentIdentity } from '@widgent/react'
import { authClient } from './authClient'

/** Tells the widget who better-auth says is signed in: pending -> undefined, signed out -> null. */
export function WidgentIdentity() {
  const { data: session, isPending } = authClient.useSession()
  useWidgentIdentity(isPending ? undefined : session ? { id: session.user.id, name: session.user.name } : null)
  return null
}
