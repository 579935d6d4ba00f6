/** Who the bench signs in; the token route mints for the one the `bench_user` cookie names. */
export const USERS = {
  ada: { id: 'ada', name: 'Ada Lovelace' },
  grace: { id: 'grace', name: 'Grace Hopper' },
}
export type UserId = keyof typeof USERS
export type BenchUser = (typeof USERS)[UserId]
