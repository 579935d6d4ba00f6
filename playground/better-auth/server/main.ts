import express from 'express'
import { fromNodeHeaders, toNodeHandler } from 'better-auth/node'
import { widgentTokenHandler } from '@widgent/server'
import { auth } from './auth'

const app = express()

// better-auth's handler reads the request body itself: mount it before express.json(), or its POSTs hang.
app.all('/api/auth/*splat', toNodeHandler(auth))
app.use(express.json())

// The token route: better-auth sets no req.user, so getUser asks it for the session (null when signed out: a 401).
app.get(
  '/api/widgent-token',
  widgentTokenHandler({
    getUser: async (req) => {
      const session = await auth.api.getSession({ headers: fromNodeHeaders(req.headers) })
      return session && { id: session.user.id, name: session.user.name }
    },
  }),
)

// The SPA, built with `vite build`.
app.use(express.static(new URL('../dist', import.meta.url).pathname))

const port = Number(process.env.PORT ?? 3000)
app.listen(port, '127.0.0.1', () => console.info(`better-auth app on http://127.0.0.1:${port}/`))
