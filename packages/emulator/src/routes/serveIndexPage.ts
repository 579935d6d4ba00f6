import type { IncomingMessage, ServerResponse } from 'node:http'
import type { EmulatorContext } from '../EmulatorContext'

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`)

/**
 * `GET /`: a short page for whoever opens the emulator's URL in a browser: what it is, its products (never their
 * secrets), its endpoints, and links to what a browser can read (the log, the widget script, the settings).
 */
export async function serveIndexPage(
  ctx: EmulatorContext,
  _req: IncomingMessage,
  res: ServerResponse,
  url: URL,
): Promise<void> {
  const { origin } = url
  const { strict, tokenTtlSeconds } = ctx.settings
  const link = (path: string) => `<a href="${escapeHtml(path)}">${escapeHtml(path)}</a>`
  const products = [...ctx.products.values()]
    .map(
      (p) =>
        `<tr><td><code>${escapeHtml(p.productId)}</code></td><td><code>${escapeHtml(p.serviceKey)}</code></td><td>${p.origins.map((o) => `<code>${escapeHtml(o)}</code>`).join(' ')}</td></tr>`,
    )
    .join('')
  const knobs = ctx.faultsEnabled
    ? `<tr><td>GET, POST, DELETE ${link('/__emulator/faults')}</td><td>the fault knobs (script 404, slow or never ready; token endpoint failures)</td></tr>
<tr><td>GET, POST ${link('/__emulator/config')}</td><td>the settings: token lifetime, strict mode, weight</td></tr>
<tr><td>DELETE /__emulator/log</td><td>forgets the log</td></tr>`
    : ''
  res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' })
  res.end(`<!doctype html>
<html lang="en">
<meta charset="utf-8">
<title>Widgent emulator</title>
<style>body{font:15px/1.5 system-ui,sans-serif;max-width:52rem;margin:2rem auto;padding:0 1rem}td{padding:.2rem .8rem .2rem 0;vertical-align:top}</style>
<h1>Widgent emulator</h1>
<p>A local stand-in for the Widgent service (<code>@widgent/emulator</code>), for development and tests: it mints
tokens, serves the widget script and answers the widget's messages. Nothing here reaches the real service.</p>
<p>${strict ? '<strong>Strict mode</strong>: it offers only what the vendor page documents.' : 'Default mode (kinder than the vendor page: JWTs, a ready flag, a command queue); start it with <code>--strict</code> for only what the page documents.'}
Tokens live ${tokenTtlSeconds} s. Fault knobs: ${ctx.faultsEnabled ? 'on' : 'off (start it with <code>--faults</code>)'}.</p>
<h2>Use it</h2>
<p>The page: <code>scriptUrl: '${escapeHtml(origin)}/widget.js'</code>, with a product's id and service key below.
Your backend: <code>WIDGENT_API_URL=${escapeHtml(origin)}</code> and that product's verification secret.</p>
<table><tr><th>productId</th><th>serviceKey</th><th>origins</th></tr>${products}</table>
<h2>Endpoints</h2>
<table>
<tr><td>GET ${link('/widget.js')}</td><td>the widget script</td></tr>
<tr><td>GET /v1/widget/config</td><td>the widget's <code>init</code> check</td></tr>
<tr><td>POST /v1/auth/user-token</td><td>mints a token, for your backend</td></tr>
<tr><td>POST /v1/messages</td><td>the widget's messages, answered by name</td></tr>
<tr><td>GET ${link('/__emulator/log')}</td><td>what it has seen: tokens, inits, script loads, messages, refusals</td></tr>
${knobs}
</table>
`)
}
