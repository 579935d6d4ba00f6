'use client'
import { useState, type FormEvent } from 'react'
import { signIn, signOut, useSession } from 'next-auth/react'
import { useWidgent } from '@widgent/react/next'
import { describeState, retry } from '@widgent/playground-shared'

/** Sign in and out with Auth.js's Credentials provider from the page, and the kit's state. */
export function App() {
  const { data: session, status: auth } = useSession()
  const { client, state } = useWidgent()
  const status = describeState(state)
  const [problem, setProblem] = useState('')
  const user = session?.user

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    const form = new FormData(event.currentTarget)
    // redirect: false keeps the page; next-auth/react then loads the new session into useSession.
    const result = await signIn('credentials', {
      email: form.get('email'),
      password: form.get('password'),
      redirect: false,
    })
    setProblem(result?.error ? 'Wrong email or password.' : '')
  }

  return (
    <>
      <header>
        <strong>Auth.js · Next.js</strong>
        <span className="who">
          {auth == 'loading' ? 'Checking session…' : user ? `Signed in as ${user.name}` : 'Signed out'}
        </span>
        {user && <button onClick={() => signOut({ redirect: false })}>Sign out</button>}
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
          <h2>{user ? 'Switch user' : 'Sign in'}</h2>
          <form onSubmit={submit}>
            <label>
              Email <input name="email" type="email" required autoComplete="username" />
            </label>
            <label>
              Password <input name="password" type="password" required autoComplete="current-password" />
            </label>
            <button>Sign in</button>
          </form>
          {problem && <p className="error">{problem}</p>}
        </section>
      </main>
    </>
  )
}
