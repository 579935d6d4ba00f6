import { watchClient } from './probe'
import { useEffect, useState } from 'react'
import { createRoot } from 'react-dom/client'
import { createWidgent } from '@widgent/core'
import { WidgentProvider, useWidgentIdentity, type WidgentProviderProps } from '@widgent/react'
import { exposeBench, initialUser } from './exposeBench'
import type { DemoUser } from '@widgent/test-utils/demo'
import { pageParams } from './pageParams'

// `n` components each telling the kit who is signed in, with a new object on every render as apps write it.
function Identity({ user }: { user: DemoUser | null }) {
  return <i>{useWidgentIdentity(user && { id: user.id, name: user.name }).identity}</i>
}

// The provider's client (one per product id), watched without subscribing to it: no extra listener to measure.
function Watch() {
  watchClient(createWidgent(pageParams.options))
  return null
}

// The start-up mark: the provider's first render, just before it creates the client.
function Provider(props: WidgentProviderProps) {
  if (!performance.getEntriesByName('kit-start').length) performance.mark('kit-start')
  return <WidgentProvider {...props} />
}

let setAuth: (user: DemoUser | null) => void = () => {}
function App() {
  const [user, setUser] = useState(initialUser)
  useEffect(() => void (setAuth = setUser), [])
  return (
    <Provider {...pageParams.options}>
      <Watch />
      {Array.from({ length: pageParams.components }, (_, i) => (
        <Identity key={i} user={user} />
      ))}
    </Provider>
  )
}

exposeBench({ signIn: (user) => setAuth(user), signOut: () => setAuth(null) })
createRoot(document.getElementById('root')!).render(<App />)
