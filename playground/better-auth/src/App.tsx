import { useState, type FormEvent } from 'react'
import { useWidgent } from '@widgent/react'
import { describeState, retry } from '@widgent/playground-shared'
import { authClient } from './authClient'

/** Sign up, sign in and sign out with better-auth's email and password, and the kit's state. */
export function App() {
  const { data: session, isPending } = authClient.useSession()
  const { client, state } = useWidgent()
  const status = describeState(state)
  const [problem, setProblem] = useState('')

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    const form = new FormData(event.currentTarget)
    const field = (name: string) => String(form.get(name) ?? '')
    const signUp = (event.nativeEvent as SubmitEvent).submitter?.getAttribute('value') == 'sign-up'
    const credentials = { email: field('email'), password: field('password') }
    const { error } = signUp
      ? await authClient.signUp.email({ ...credentials, name: field('name') })
      : await authClient.signIn.email(credentials)
    setProblem(error?.message ?? '')
  }

  return (
    <>
      <header>
        <strong>better-auth · React</strong>
        <span className="who">
          {isPending ? 'Checking session…' : session ? `Signed in as ${session.user.name}` : 'Signed out'}
        </span>
        {session && <button onClick={() => authClient.signOut()}>Sign out</button>}
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
          <h2>{session ? 'Switch user' : 'Sign in'}</h2>
          <form onSubmit={submit}>
            <label>
              Name (to create an account) <input name="name" autoComplete="name" />
            </label>
            <label>
              Email <input name="email" type="email" required autoComplete="username" />
            </label>
            <label>
              Password <input name="password" type="password" required minLength={8} autoComplete="current-password" />
            </label>
            <button value="sign-in">Sign in</button>
            <button value="sign-up">Create account</button>
          </form>
          {problem && <p className="error">{problem}</p>}
        </section>
      </main>
    </>
  )
}
