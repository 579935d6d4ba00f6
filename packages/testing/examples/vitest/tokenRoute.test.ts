import { widgentTokenRoute } from '@widgent/server'
import type {} from '@widgent/testing/vitest' // types inject('widgentEmulator')
import { readEmulatorLog } from '@widgent/testing/emulator'
import { expect, inject, it } from 'vitest'

// The app's token route (app/api/widgent-token/route.ts, say), as it ships: no emulator setting in it.
// @widgent/testing/vitest set WIDGENT_API_URL and the demo product's ids, which @widgent/server reads.
const GET = widgentTokenRoute({ getUser: (request: Request) => (request.headers.get('cookie') == 'session=ada' ? { id: 'ada', name: 'Ada' } : null) })

it('mints a token for the signed-in user, through the emulator', async () => {
  const response = await GET(new Request('http://app.test/api/widgent-token', { headers: { cookie: 'session=ada' } }))
  expect(response.status).toBe(200)
  expect(await response.json()).toEqual({ token: expect.any(String), expiresAt: expect.any(Number) })

  const { tokens } = await readEmulatorLog(inject('widgentEmulator').url)
  expect(tokens.map((token) => token.userId)).toEqual(['ada'])
})

it('answers 401 when nobody is signed in, and mints nothing', async () => {
  const response = await GET(new Request('http://app.test/api/widgent-token'))
  expect(response.status).toBe(401)
  const { tokens } = await readEmulatorLog(inject('widgentEmulator').url)
  expect(tokens).toHaveLength(1)
})
