import { request } from 'node:http'
import { join } from 'node:path'
import {
  AngularNodeAppEngine,
  createNodeRequestHandler,
  isMainModule,
  writeResponseToNodeResponse,
} from '@angular/ssr/node'
import express from 'express'

// The demo backend: /api goes there, so the session cookie is first-party (as the Vite apps' dev proxy does).
const backendUrl = process.env['BACKEND_URL']
const app = express()
const angularApp = new AngularNodeAppEngine()

app.use('/api', (req, res) => {
  if (!backendUrl)
    return void res.status(502).json({ error: 'BACKEND_URL is not set: start the app with `npm run playground`.' })
  const target = new URL(req.originalUrl, backendUrl)
  const upstream = request(target, { method: req.method, headers: { ...req.headers, host: target.host } }, (answer) => {
    res.writeHead(answer.statusCode ?? 502, answer.headers)
    answer.pipe(res)
  })
  // A backend that drops the connection is a 502, as a proxy says it.
  upstream.on('error', () => (res.headersSent ? res.destroy() : res.status(502).end()))
  req.pipe(upstream)
})

app.use(express.static(join(import.meta.dirname, '../browser'), { maxAge: '1y', index: false, redirect: false }))

app.use((req, res, next) => {
  angularApp
    .handle(req)
    .then((response) => (response ? writeResponseToNodeResponse(response, res) : next()))
    .catch(next)
})

if (isMainModule(import.meta.url)) {
  const port = Number(process.env['PORT'] || 4000)
  app.listen(port, process.env['HOST'] || '127.0.0.1', (error) => {
    if (error) throw error
    console.log(`Angular playground listening on http://127.0.0.1:${port}/`)
  })
}

/** For the Angular CLI's dev server (`ng serve`) and its build. */
export const reqHandler = createNodeRequestHandler(app)
