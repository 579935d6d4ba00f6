// What SvelteKit generates as `./$types` for a route, with the app's `locals.user` (set in its hooks).
import type { RequestEvent as KitRequestEvent } from '@sveltejs/kit'

export type RequestEvent = KitRequestEvent & { locals: { user?: { id: string; name?: string } } }
