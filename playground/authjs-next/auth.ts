import NextAuth from 'next-auth'
import Credentials from 'next-auth/providers/credentials'
import { findAccount } from '@widgent/playground-shared/accounts'

// AUTH_SECRET (and AUTH_TRUST_HOST when `next start` serves it behind your own host) come from the environment.
export const { handlers, auth } = NextAuth({
  providers: [Credentials({ credentials: { email: {}, password: {} }, authorize: ({ email, password }) => findAccount(email, password) })],
  callbacks: {
    // Auth.js leaves the id out of the session: the kit keys the widget's user on it.
    session({ session, token }) {
      session.user.id = token.sub!
      return session
    },
  },
})
