import { betterAuth } from 'better-auth'
import { memoryAdapter } from 'better-auth/adapters/memory'

// BETTER_AUTH_SECRET and BETTER_AUTH_URL come from the environment. The memory adapter keeps this app to one
// process with no database to set up; your adapter (SQLite, Postgres, Prisma, Drizzle...) changes nothing below.
export const auth = betterAuth({
  database: memoryAdapter({ user: [], session: [], account: [], verification: [] }),
  emailAndPassword: { enabled: true },
})
