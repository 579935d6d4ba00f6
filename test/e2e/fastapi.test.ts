import { claimsOf, isJwt } from '@widgent/test-utils'
import { describe, expect, it } from 'vitest'
import { useApp } from './support/useApp'

// The vendor page's FastAPI example (playground/fastapi/app.py) under uvicorn as the React app's token route, against
// the default and the strict emulator: a Python backend gets the kit's identity with no Node in its token path. It
// needs Debian's python3-fastapi, python3-uvicorn and python3-requests; without them the setup fails saying so.
for (const strict of [false, true]) {
  describe(`the vendor's FastAPI token route under uvicorn, the React app, ${strict ? 'strict' : 'default'} emulator`, () => {
    const app = useApp('react', { strict, tokenRoute: 'fastapi' })

    it("answers the kit's contract: 401 signed out, the session's user's token signed in, never cached", async () => {
      const url = `${app.fastapi}api/widgent-token`
      const signedOut = await fetch(url)
      expect(signedOut.status).toBe(401)
      expect(signedOut.headers.get('cache-control')).toBe('no-store')
      expect(await signedOut.json()).toEqual({ detail: expect.stringMatching(/^Not signed in/) })

      const login = await fetch(`${app.backend.url}/api/login`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: '{"user":"ada"}',
      })
      const cookie = login.headers.get('set-cookie')!.split(';')[0]!
      // Nothing in the request can name another user: the session alone says who it is.
      const signedIn = await fetch(`${url}?userId=grace`, { headers: { Cookie: cookie, 'X-User-Id': 'grace' } })
      expect(signedIn.status).toBe(200)
      expect(signedIn.headers.get('cache-control')).toBe('no-store')
      // The kit judges the token's life by the route's clock: uvicorn sends Date, as every HTTP server does.
      expect(Date.parse(signedIn.headers.get('date')!)).toBeGreaterThan(0)
      const body = await signedIn.json()
      // The example passes Widgent's answer on as it is: `{ token, expiresAt }` from the default emulator, `{ token }` from the strict one.
      expect(Object.keys(body).sort()).toEqual(strict ? ['token'] : ['expiresAt', 'token'])
      expect(isJwt(body.token)).toBe(!strict)
      expect(claimsOf(body.token)).toMatchObject({ sub: 'ada', name: 'Ada Lovelace', metadata: { plan: 'demo' } })
      await fetch(`${app.backend.url}/api/logout`, { method: 'POST', headers: { Cookie: cookie } })
      expect((await fetch(url, { headers: { Cookie: cookie } })).status).toBe(401)
      expect(app.emulator.log().tokens.map((token) => token.userId)).toEqual(['ada'])
    })

    it('identifies Ada in the React app through it; sign-out makes the widget anonymous', async () => {
      const page = await app.open()
      await page.waitForStatus({ widget: 'ready', identity: 'anonymous' })
      await page.click('Sign in as Ada')
      await page.waitForStatus({ identity: 'identified', user: 'ada' })
      await page.waitForPanel('ada')
      expect(await page.send('Hello from Python')).toBe('Hi Ada Lovelace! You said: "Hello from Python"')
      expect(app.emulator.log().tokens.map(({ userId, metadata }) => ({ userId, metadata }))).toEqual([
        { userId: 'ada', metadata: { plan: 'demo' } },
      ])
      // Python answered the page's token request: the demo backend's own route never heard of it.
      expect(app.backend.tokenRequests()).toEqual([])
      expect((await page.answers()).map((answer) => answer.identity)).toContain('ada')

      const signedOutAt = Date.now()
      await page.click('Sign out')
      await page.waitForStatus({ identity: 'anonymous', user: '' })
      await page.waitForPanel('anonymous')
      expect(await page.send('Who am I?')).toMatch(/anonymously/)
      expect(app.emulator.log().tokens.filter((token) => token.at >= signedOutAt)).toEqual([])
    })
  })
}
