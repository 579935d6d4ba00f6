/**
 * The accounts the auth-library apps sign in with (Auth.js's Credentials provider, the local OpenID Connect
 * provider), and the end-to-end suite with them. In your app: your user store, with passwords stored as hashes.
 * Server code only: never imported by a page.
 */
export const ACCOUNTS = [
  { id: 'ada', name: 'Ada Lovelace', email: 'ada@example.com', password: 'ada-password-1' },
  { id: 'grace', name: 'Grace Hopper', email: 'grace@example.com', password: 'grace-password-1' },
] as const

export type Account = (typeof ACCOUNTS)[number]

/** The user these credentials belong to (no password), or null. */
export function findAccount(email: unknown, password: unknown): { id: string; name: string; email: string } | null {
  const account = ACCOUNTS.find((account) => account.email == email && account.password == password)
  return account ? { id: account.id, name: account.name, email: account.email } : null
}
