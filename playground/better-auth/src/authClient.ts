import { createAuthClient } from 'better-auth/react'

// The SPA and better-auth share an origin: the client finds /api/auth by itself.
export const authClient = createAuthClient()
