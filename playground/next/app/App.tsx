'use client'
import { useRouter } from 'next/navigation'
import { useTransition } from 'react'
import { useWidgent, WidgentLauncher } from '@widgent/react/next'
import { describeState, retry, type AuthUser, type launcherSwitch } from '@widgent/playground-shared'

/**
 * The page: the server's session user comes in as a prop; signing in or out asks the server to render again. `modes`
 * is the Eager / Facade switch (`?launcher=facade`: the provider has load: 'interaction' and <WidgentLauncher> loads
 * the widget on intent, in the emulator launcher's colour so the takeover is seamless).
 */
export function App({ user, modes }: { user: AuthUser | null; modes: ReturnType<typeof launcherSwitch> }) {
  const router = useRouter()
  const [busy, startTransition] = useTransition()
  const { client, state } = useWidgent()
  const status = describeState(state)
  const change = (path: string, body: object) =>
    startTransition(async () => {
      const response = await fetch(path, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(body),
      })
      if (!response.ok) console.error('[playground auth]', `${path} answered ${response.status}`)
      // The layout reads the new cookie and hands the provider its new user.
      router.refresh()
    })

  return (
    <>
      <header>
        <strong>Widgent playground · Next.js</strong>
        <span className="who">{user ? `Signed in as ${user.name}` : 'Signed out'}</span>
        <button disabled={busy || user?.id == 'ada'} onClick={() => change('/api/login', { user: 'ada' })}>
          Sign in as Ada
        </button>
        <button disabled={busy || user?.id == 'grace'} onClick={() => change('/api/login', { user: 'grace' })}>
          Sign in as Grace
        </button>
        <button disabled={busy || !user} onClick={() => change('/api/logout', {})}>
          Sign out
        </button>
        {/* Plain links, not next/link: a full page load, so the provider is made again in the other mode. */}
        <nav className="launcher-switch" aria-label="How the widget loads">
          {modes.map((link) => (
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
            <li>Reload: the server renders Ada signed in, and the widget never shows anyone else first.</li>
            <li>Switch to Grace, or sign out: the widget follows at once.</li>
          </ol>
        </section>
      </main>
      {modes.find((link) => link.current)?.mode == 'facade' && <WidgentLauncher color="#4b3bff" />}
    </>
  )
}
