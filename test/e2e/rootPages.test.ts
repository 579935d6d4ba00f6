import { startPlayground, type Playground } from '@widgent/playground-stack'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

/** The links of an HTML page, as absolute URLs. */
const linksOf = (html: string, base: string) =>
  [...html.matchAll(/<a href="([^"]+)"/g)].map(([, href]) => new URL(href!, base).href)

// `npm run playground` prints the emulator's and the backend's URLs: opened in a browser, each says what it is, and
// every link it gives answers.
describe("the playground's emulator and demo backend at their root", () => {
  let stack: Playground
  beforeAll(async () => {
    stack = await startPlayground({ apps: [], ports: 'free', env: {}, logLevel: 'error', authLatencyMs: 0 })
  })
  afterAll(() => stack?.close())

  it.each([
    [
      'emulator',
      () => stack.emulator!.url,
      'Widgent emulator',
      { '/__emulator/log': 200, '/widget.js': 200, '/__emulator/faults': 200, '/__emulator/config': 200 },
    ],
    [
      'demo backend',
      () => stack.backend.url,
      'Widgent playground: demo backend',
      { '/api/session': 200, '/api/widgent-token': 401, '/api/__faults': 200 },
    ],
  ] as const)('the %s answers a page whose links all answer', async (_name, urlOf, title, links) => {
    const url = `${urlOf()}/`
    const response = await fetch(url)
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toMatch(/^text\/html/)
    const html = await response.text()
    expect(html).toContain(`<title>${title}</title>`)
    const found = linksOf(html, url)
    expect(found.map((link) => new URL(link).pathname).sort()).toEqual(Object.keys(links).sort())
    for (const link of found)
      expect([link, (await fetch(link)).status]).toEqual([link, links[new URL(link).pathname as keyof typeof links]])
  })
})
