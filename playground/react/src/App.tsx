import { useWidgent, useWidgentIdentity, WidgentLauncher } from '@widgent/react'
import { auth, describeState, launcherMode, launcherSwitch, retry } from '@widgent/playground-shared'
import { useAuth } from './useAuth'

export function App() {
  const { user, busy } = useAuth()
  // The recipe: auth loading -> undefined, signed out -> null, signed in -> { id, name }.
  const state = useWidgentIdentity(user === undefined ? undefined : user && { id: user.id, name: user.name })
  const { client } = useWidgent()
  const status = describeState(state)
  // ?launcher=facade: the provider has load: 'interaction', and <WidgentLauncher> loads the widget on intent (in the
  // emulator launcher's colour, so the takeover is seamless).
  const facade = launcherMode() == 'facade'

  return (
    <>
      <header>
        <strong>Widgent playground · React</strong>
        <span className="who">
          {user === undefined ? 'Checking session…' : user ? `Signed in as ${user.name}` : 'Signed out'}
        </span>
        <button disabled={busy || user?.id == 'ada'} onClick={() => auth.signIn('ada')}>
          Sign in as Ada
        </button>
        <button disabled={busy || user?.id == 'grace'} onClick={() => auth.signIn('grace')}>
          Sign in as Grace
        </button>
        <button disabled={busy || !user} onClick={() => auth.signOut()}>
          Sign out
        </button>
        <nav className="launcher-switch" aria-label="How the widget loads">
          {launcherSwitch().map((link) => (
            <a key={link.mode} href={link.href} aria-current={link.current ? 'page' : undefined}>
              {link.label}
            </a>
          ))}
        </nav>
      </header>
      <main>
        <section>
          <h2>The kit's state</h2>
          <p data-testid="status" {...status.attributes}>
            {status.text}
          </p>
          {status.detail && <p className={status.detail.className}>{status.detail.text}</p>}
          {status.canRetry && <button onClick={() => retry(client)}>Retry</button>}
        </section>
        <section>
          <h2>Try it</h2>
          <ol>
            <li>Sign in as Ada: the widget (bottom right) greets her by name.</li>
            <li>Send it a message: the agent answers Ada.</li>
            <li>Switch to Grace, or sign out: the widget follows at once.</li>
          </ol>
        </section>
      </main>
      {facade && <WidgentLauncher color="#4b3bff" />}
    </>
  )
}
