import express from 'express'
import { widgentTokenHandler } from '@widgent/server'

const issuer = process.env.OIDC_ISSUER ?? 'http://127.0.0.1:4030'
// The provider's discovery document says where its userinfo endpoint is.
const { userinfo_endpoint: userinfo } = await (await fetch(`${issuer}/.well-known/openid-configuration`)).json()

const app = express()

// The SPA sends its access token; the provider says whose it is (or that it expired or was revoked: a 401).
app.get(
  '/api/widgent-token',
  widgentTokenHandler({
    getUser: async (req) => {
      if (!req.headers.authorization) return null
      const response = await fetch(userinfo, { headers: { Authorization: req.headers.authorization } })
      if (!response.ok) return null
      const claims = await response.json()
      return { id: claims.sub, name: claims.name }
    },
  }),
)

// The SPA, built with `vite build`.
app.use(express.static(new URL('../dist', import.meta.url).pathname))

const port = Number(process.env.PORT ?? 5180)
app.listen(port, '127.0.0.1', () => console.info(`OpenID Connect SPA on http://127.0.0.1:${port}/`))
