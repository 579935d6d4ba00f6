import { SvelteKitAuth } from '@auth/sveltekit'
import Credentials from '@auth/sveltekit/providers/credentials'
import { findAccount } from '@widgent/playground-shared/accounts'

// AUTH_SECRET comes from the environment.
export const { handle } = SvelteKitAuth({
  // Served by your own Node server (adapter-node): @auth/sveltekit 1.11 sets trustHost from `dev` before it reads
  // AUTH_TRUST_HOST, so a production build ignores that variable and answers every session request with a 500.
  trustHost: true,
  providers: [Credentials({ credentials: { email: {}, password: {} }, authorize: ({ email, password }) => findAccount(email, password) })],
  callbacks: {
    // Auth.js leaves the id out of the session: the kit keys the widget's user on it.
    session({ session, token }) {
      session.user.id = token.sub!
      return session
    },
  },
})
