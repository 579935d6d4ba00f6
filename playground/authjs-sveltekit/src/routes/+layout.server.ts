import type { LayoutServerLoad } from './$types'

// Auth.js sets no event.locals.user: ask it for the session.
export const load: LayoutServerLoad = async (event) => ({ user: (await event.locals.auth())?.user ?? null })
