'use client'
import { useSession } from 'next-auth/react'
import { useWidgentIdentity } from '@widgent/react/next'

/** Tells the widget who Auth.js says is signed in: loading -> undefined, signed out -> null. */
export function WidgentIdentity() {
  const { data: session, status } = useSession()
  useWidgentIdentity(status === 'loading' ? undefined : session?.user?.id ? { id: session.user.id, name: session.user.name ?? undefined } : null)
  return null
}
