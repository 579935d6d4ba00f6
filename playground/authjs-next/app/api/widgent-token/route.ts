import { widgentTokenRoute } from '@widgent/server'
import { auth } from '../../../auth'

export const GET = widgentTokenRoute({
  getUser: async () => {
    const user = (await auth())?.user
    return user?.id ? { id: user.id, name: user.name ?? undefined } : null
  },
})
