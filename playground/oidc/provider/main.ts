// A local OpenID Connect provider, standing in for Auth0, Keycloak, Zitadel or any other: oidc-provider with one
// public client (the SPA, PKCE), the playground's accounts, and its own sign-in and sign-out pages.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import Provider, { type Configuration } from 'oidc-provider'
import { ACCOUNTS, findAccount } from '@widgent/playground-shared/accounts'

const port = Number(process.env.PORT ?? 4030)
const issuer = `http://127.0.0.1:${port}`
/** The SPA's origin, with a trailing slash: where sign-in and sign-out come back to. */
const appUrl = process.env.APP_URL ?? 'http://127.0.0.1:5180/'

const configuration: Configuration = {
  clients: [
    {
      client_id: process.env.OIDC_CLIENT_ID ?? 'widgent-spa',
      token_endpoint_auth_method: 'none',
      grant_types: ['authorization_code', 'refresh_token'],
      redirect_uris: [appUrl],
      post_logout_redirect_uris: [appUrl],
    },
  ],
  claims: { openid: ['sub'], profile: ['name'] },
  // The ID token carries the granted profile claims (name), as Auth0's and Keycloak's do by default.
  conformIdTokenClaims: false,
  async findAccount(_ctx, id) {
    const account = ACCOUNTS.find((account) => account.id == id)
    return account && { accountId: id, claims: () => ({ sub: id, name: account.name }) }
  },
  // The SPA renews its access token with a refresh token (no iframe). Not rotated: the SPA's tabs share one.
  issueRefreshToken: async (_ctx, client) => client.grantTypeAllowed('refresh_token'),
  rotateRefreshToken: () => false,
  // Our own app: signing in grants it openid and profile, with no consent screen.
  async loadExistingGrant(ctx) {
    const { client, session, provider } = ctx.oidc
    const grantId = ctx.oidc.result?.consent?.grantId || session!.grantIdFor(client!.clientId)
    const existing = grantId && (await provider.Grant.find(grantId))
    if (existing && existing.accountId == session!.accountId) return existing
    const grant = new provider.Grant({ clientId: client!.clientId, accountId: session!.accountId! })
    grant.addOIDCScope('openid profile')
    await grant.save()
    return grant
  },
  interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
  features: {
    devInteractions: { enabled: false },
    rpInitiatedLogout: {
      logoutSource: async (ctx, form) => {
        ctx.body = page(
          'Sign out',
          `<h1>Sign out of ${ctx.host}?</h1>${form}<button form="op.logoutForm" name="logout" value="yes">Yes, sign me out</button>`,
        )
      },
    },
  },
  renderError: async (ctx, out) => {
    ctx.type = 'html'
    ctx.body = page('Error', `<h1>${escape(out.error)}</h1><p>${escape(out.error_description ?? '')}</p>`)
  },
  ttl: {
    // Short, so the SPA renews its access token (oidc-client-ts does it 60 s before expiry) every 10 s while you watch.
    AccessToken: 70,
    IdToken: 3600,
    RefreshToken: 86_400,
    Interaction: 600,
    Session: 86_400,
    Grant: 86_400,
  },
  cookies: { keys: [crypto.randomUUID()] },
}

const provider = new Provider(issuer, configuration)

/** The sign-in page: the playground's accounts, by email and password. */
async function interaction(req: IncomingMessage, res: ServerResponse) {
  const details = await provider.interactionDetails(req, res)
  const form = (problem = '') =>
    page(
      'Sign in',
      `<h1>Sign in</h1>${problem && `<p>${problem}</p>`}<form method="post" action="/interaction/${details.uid}">` +
        '<label>Email <input name="email" type="email" required autofocus></label> ' +
        '<label>Password <input name="password" type="password" required></label> <button>Sign in</button></form>',
    )
  if (req.method != 'POST') return void res.writeHead(200, { 'Content-Type': 'text/html' }).end(form())
  const body = new URLSearchParams(await text(req))
  const account = findAccount(body.get('email'), body.get('password'))
  if (!account) return void res.writeHead(200, { 'Content-Type': 'text/html' }).end(form('Wrong email or password.'))
  await provider.interactionFinished(req, res, { login: { accountId: account.id } }, { mergeWithLastSubmission: false })
}

const callback = provider.callback()
createServer((req, res) => {
  if (req.url?.startsWith('/interaction/')) {
    interaction(req, res).catch((error) => res.writeHead(400, { 'Content-Type': 'text/plain' }).end(String(error)))
  } else callback(req, res)
}).listen(port, '127.0.0.1', () => console.info(`OpenID Connect provider on ${issuer}`))

function page(title: string, body: string) {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>${title}</title></head><body>${body}</body></html>`
}

function escape(value: string) {
  return value.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`)
}

async function text(req: IncomingMessage) {
  let body = ''
  for await (const chunk of req) body += chunk
  return body
}
