/**
 * What the demo backend answers at `/`: whoever opens its URL (the playground prints it) learns what it is and where
 * its routes are. The apps reach it through their dev servers' `/api` proxy, so their session cookie is first-party.
 */
export const INDEX_PAGE = `<!doctype html>
<html lang="en">
<meta charset="utf-8">
<title>Widgent playground: demo backend</title>
<style>body{font:15px/1.5 system-ui,sans-serif;max-width:52rem;margin:2rem auto;padding:0 1rem}td{padding:.2rem .8rem .2rem 0;vertical-align:top}</style>
<h1>Widgent playground: demo backend</h1>
<p>The playground apps' backend: who is signed in (Ada or Grace, a session in an HttpOnly cookie) and the Widgent token
route for that user, one line of <code>@widgent/server</code>. The apps reach it through their own <code>/api</code>,
so open an app (<code>npm run playground</code> prints their URLs) to sign in; this origin has no session of yours.</p>
<table>
<tr><td>GET <a href="/api/session">/api/session</a></td><td>the session's user, or <code>null</code></td></tr>
<tr><td>POST /api/login</td><td><code>{"user":"ada"}</code> or <code>{"user":"grace"}</code>: signs in</td></tr>
<tr><td>POST /api/logout</td><td>signs out</td></tr>
<tr><td>GET <a href="/api/widgent-token">/api/widgent-token</a></td><td>a Widgent token for the session's user; 401 signed out</td></tr>
<tr><td>GET, POST, DELETE <a href="/api/__faults">/api/__faults</a></td><td>test hook: what the token route answers instead (see the playground README)</td></tr>
<tr><td>POST /api/__expire-session</td><td>test hook: ends the session on the server only</td></tr>
</table>
`
