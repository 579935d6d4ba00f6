import { WidgentProvider, useWidgent, useWidgentIdentity, type WidgentOptions, type WidgentUser } from '@widgent/react'
import { useState } from 'react'

/** An app with the widget in it. Its auth is a `useState` here; yours is Auth0, Clerk, better-auth... */
export function App({ widgent }: { widgent: WidgentOptions }) {
  return (
    <WidgentProvider {...widgent}>
      <Account />
    </WidgentProvider>
  )
}

function Account() {
  const [user, setUser] = useState<WidgentUser | null>(null)
  const { client } = useWidgent()
  useWidgentIdentity(user)
  if (!user) return <button onClick={() => setUser({ id: 'ada', name: 'Ada' })}>Sign in as Ada</button>
  return (
    <>
      <p>Signed in as {user.name}</p>
      <button onClick={() => client.command('open')}>Help</button>
      <button onClick={() => setUser(null)}>Sign out</button>
    </>
  )
}
