/** The app's accounts: in your app, your user store, and passwords stored as hashes. */
const USERS = [
  { id: 'ada', name: 'Ada Lovelace', email: 'ada@example.com', password: 'ada-password-1' },
  { id: 'grace', name: 'Grace Hopper', email: 'grace@example.com', password: 'grace-password-1' },
]

/** The user these credentials belong to, or null. */
export function findUser(email: unknown, password: unknown) {
  const user = USERS.find((user) => user.email == email && user.password == password)
  return user ? { id: user.id, name: user.name, email: user.email } : null
}
