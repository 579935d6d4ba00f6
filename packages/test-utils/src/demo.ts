/** The two people the demo apps, the end-to-end suite and the bench sign in, by the id the login form sends. */
export const DEMO_USERS = {
  ada: { id: 'ada', name: 'Ada Lovelace' },
  grace: { id: 'grace', name: 'Grace Hopper' },
} as const satisfies Record<string, { id: string; name: string }>

export type DemoUserId = keyof typeof DEMO_USERS
export type DemoUser = (typeof DEMO_USERS)[DemoUserId]
