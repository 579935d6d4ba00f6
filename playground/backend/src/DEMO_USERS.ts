/** The two people the demo can sign in, by the id the login form sends. */
export const DEMO_USERS = {
  ada: { id: 'ada', name: 'Ada Lovelace' },
  grace: { id: 'grace', name: 'Grace Hopper' },
} as const satisfies Record<string, { id: string; name: string }>
