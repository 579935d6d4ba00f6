import { widgentTokenRoute } from '@widgent/server'
import type { RequestEvent } from './$types'

const route = widgentTokenRoute<[event: RequestEvent]>({
  getUser: async (_request, event) => {
    const user = (await event.locals.auth())?.user
    return user?.id ? { id: user.id, name: user.name ?? undefined } : null
  },
})
export const GET = (event: RequestEvent) => route(event.request, event)
