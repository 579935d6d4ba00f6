import { gzipSync } from 'node:zlib'
import { describe, expect, it } from 'vitest'
import { eventually, isJwt } from '@widgent/test-utils'
import { EMULATOR_MODES, mintToken, postJson, useEmulator } from '@widgent/test-utils/emulator'
import { vendorSnippet } from '@widgent/test-utils/vendorSnippet'
import { openPage } from './__tests__/openPage'
import { serveVendorPage } from './__tests__/serveVendorPage'

const CREDENTIALS = { productId: 'demo-product', serviceKey: 'demo-service-key' }
type Emulator = Awaited<ReturnType<typeof useEmulator>>

/** A page that loaded the widget and saw it become ready, as the kit's loader does it. */
async function readyPage(emulator: Emulator) {
  const page = openPage()
  await page.loadScript(`${emulator.url}/widget.js`)
  page.widgent().init(CREDENTIALS)
  await page.ready
  return page
}

/** A fetcher that records when it was called and answers what `answer` gives. */
function recordingFetcher(answer: () => string | Promise<string>) {
  const calls: number[] = []
  const fetcher = () => {
    calls.push(Date.now())
    return Promise.resolve(answer())
  }
  return Object.assign(fetcher, { calls })
}

const shadowText = (panel: HTMLElement) => panel.shadowRoot?.textContent ?? ''

/** The panel's parts: its launcher button and the chat section it toggles. */
const partsOf = (panel: HTMLElement) => ({
  launcher: panel.shadowRoot!.querySelector('button[aria-controls]') as HTMLButtonElement,
  section: panel.shadowRoot!.querySelector('section') as HTMLElement,
})

describe('the widget script', () => {
  it('is served as uncached JavaScript', async () => {
    const emulator = await useEmulator()
    const response = await fetch(`${emulator.url}/widget.js`)
    expect(response.headers.get('content-type')).toBe('application/javascript; charset=utf-8')
    expect(response.headers.get('cache-control')).toBe('no-store')
  })
})

// Everything the vendor page documents, and the widget's own behaviour behind it, holds in both modes.
describe.each(EMULATOR_MODES)('the widget ($mode)', ({ strict }) => {
  it('init: checks the credentials, renders one anonymous panel in Shadow DOM and fires widgent:ready', async () => {
    const emulator = await useEmulator({ strict })
    const page = openPage()
    await page.loadScript(`${emulator.url}/widget.js`)
    page.widgent().init(CREDENTIALS)
    await page.ready
    expect(page.readyEvents()).toBe(1)
    const [panel, ...others] = page.panels()
    expect(others).toEqual([])
    expect(panel!.dataset.identity).toBe('anonymous')
    expect(panel!.shadowRoot).not.toBeNull()
    expect(shadowText(panel!)).toContain('Chatting anonymously')
    expect(panel!.shadowRoot!.querySelector('input')).not.toBeNull()
    expect(emulator.log()).toMatchObject({
      scriptLoads: 1,
      inits: [{ productId: 'demo-product', origin: 'http://localhost:5173' }],
    })
    expect(page.errors).toEqual([])
  })

  it('calls a fetcher at once when it is registered, and a newly registered one again', async () => {
    const emulator = await useEmulator({ strict })
    const { token } = await mintToken(emulator.url)
    const page = await readyPage(emulator)
    const ada = recordingFetcher(() => token)
    page.widgent()('setIdentityTokenFetcher', ada)
    expect(ada.calls).toHaveLength(1)
    await eventually(() => expect(page.panels()[0]!.dataset.identity).toBe('ada-1'))
    const signedOut = recordingFetcher(() => '')
    page.widgent()('setIdentityTokenFetcher', signedOut)
    expect(signedOut.calls).toHaveLength(1)
    // '' means anonymous.
    await eventually(() => expect(page.panels()[0]!.dataset.identity).toBe('anonymous'))
    page.widgent()('setIdentityTokenFetcher', ada)
    expect(ada.calls).toHaveLength(2)
    await eventually(() =>
      expect(page.widgent().__emulator.answers.map((a) => a.identity)).toEqual(['ada-1', 'anonymous', 'ada-1']),
    )
  })

  it('shows who it thinks is talking: data-identity, data-name and the panel text', async () => {
    const emulator = await useEmulator({ strict })
    const { token } = await mintToken(emulator.url, { userId: 'ada-1', name: 'Ada Lovelace' })
    const page = await readyPage(emulator)
    const panel = page.panels()[0]!
    expect(panel.dataset.name).toBe('')
    page.widgent()('setIdentityTokenFetcher', () => Promise.resolve(token))
    await eventually(() => expect(panel.dataset.identity).toBe('ada-1'))
    expect(panel.dataset.name).toBe('Ada Lovelace')
    expect(shadowText(panel)).toContain('Chatting as Ada Lovelace')
    page.widgent()('setIdentityTokenFetcher', () => Promise.resolve(''))
    await eventually(() => expect(panel.dataset.identity).toBe('anonymous'))
    expect(panel.dataset.name).toBe('')
    expect(shadowText(panel)).toContain('Chatting anonymously')
  })

  it('asks the fetcher again before the token expires (a real 2 s token)', async () => {
    const emulator = await useEmulator({ tokenTtlSeconds: 2, strict })
    const page = await readyPage(emulator)
    const tokens: Array<{ token: string; expiresAt: number }> = []
    const fetcher = recordingFetcher(async () => {
      tokens.push(await mintToken(emulator.url))
      return tokens.at(-1)!.token
    })
    page.widgent()('setIdentityTokenFetcher', fetcher)
    await eventually(() => expect(fetcher.calls).toHaveLength(2))
    expect(fetcher.calls[1]).toBeLessThan(tokens[0]!.expiresAt)
    // The lead is 20% of the lifetime, at least 1 s: asked no sooner than a second before expiry.
    expect(fetcher.calls[1]).toBeGreaterThanOrEqual(tokens[0]!.expiresAt - 1500)
  })

  it('shows an expired token as anonymous, as the service will treat it, and still sends it (a real 1 s token)', async () => {
    const emulator = await useEmulator({ tokenTtlSeconds: 1, strict })
    const { token, expiresAt } = await mintToken(emulator.url)
    const page = await readyPage(emulator)
    const panel = page.panels()[0]!
    page.widgent()('setIdentityTokenFetcher', () => Promise.resolve(token))
    await eventually(() => expect(panel.dataset.identity).toBe('ada-1'))
    await eventually(() => expect(panel.dataset.identity).toBe('anonymous'))
    expect(Date.now()).toBeGreaterThanOrEqual(expiresAt)
    expect(shadowText(panel)).toContain('session expired')
    const root = panel.shadowRoot!
    root.querySelector('input')!.value = 'still me?'
    root.querySelector('form')!.requestSubmit()
    await eventually(() => expect(root.querySelector('li[data-from="agent"]')?.textContent).toMatch(/expired/))
    expect(emulator.log().messages).toMatchObject([{ identity: 'anonymous', expired: true }])
  })

  it('applies each answer as it arrives, even one that arrives late (ordering is the kit’s job)', async () => {
    const emulator = await useEmulator({ strict })
    const { token } = await mintToken(emulator.url)
    const page = await readyPage(emulator)
    let answerSlow: (token: string) => void = () => {}
    page.widgent()('setIdentityTokenFetcher', () => new Promise<string>((resolve) => (answerSlow = resolve)))
    page.widgent()('setIdentityTokenFetcher', () => Promise.resolve(''))
    await eventually(() => expect(page.widgent().__emulator.answers).toHaveLength(1))
    answerSlow(token)
    await eventually(() => expect(page.panels()[0]!.dataset.identity).toBe('ada-1'))
    expect(page.widgent().__emulator.answers.map((a) => a.identity)).toEqual(['anonymous', 'ada-1'])
  })

  it.each([
    [
      'throws',
      () => {
        throw new Error('offline')
      },
    ],
    ['rejects', () => Promise.reject(new Error('offline'))],
    ['answers a non-string', () => Promise.resolve({ token: 'x' })],
    ['answers something that is not a token Widgent minted', () => Promise.resolve('opaque')],
  ])('treats a fetcher that %s as anonymous and says so on the console', async (_, fetcher) => {
    const emulator = await useEmulator({ strict })
    const { token } = await mintToken(emulator.url)
    const page = await readyPage(emulator)
    page.widgent()('setIdentityTokenFetcher', () => Promise.resolve(token))
    await eventually(() => expect(page.panels()[0]!.dataset.identity).toBe('ada-1'))
    page.widgent()('setIdentityTokenFetcher', fetcher)
    await eventually(() => expect(page.panels()[0]!.dataset.identity).toBe('anonymous'))
    expect(page.errors).toEqual([expect.stringMatching(/^Widgent: .*anonymous/)])
  })

  it('loaded twice: still one widget, one panel, one init', async () => {
    const emulator = await useEmulator({ strict })
    const page = openPage()
    await page.loadScript(`${emulator.url}/widget.js`)
    const widget = page.widgent()
    widget.init(CREDENTIALS)
    await page.loadScript(`${emulator.url}/widget.js`)
    expect(page.widgent()).toBe(widget)
    page.widgent().init(CREDENTIALS)
    await page.ready
    // Let the ignored init's would-be request show up, if the widget made one.
    await fetch(`${emulator.url}/__emulator/log`)
    expect(emulator.log().scriptLoads).toBe(2)
    expect(emulator.log().inits).toHaveLength(1)
    expect(page.widgent().__emulator.inits).toBe(2)
    expect(page.panels()).toHaveLength(1)
    expect(page.readyEvents()).toBe(1)
    expect(page.warnings).toEqual([expect.stringMatching(/init was called again/)])
  })

  it('refuses a wrong serviceKey: a clear console error and never ready', async () => {
    const emulator = await useEmulator({ strict })
    const page = openPage()
    await page.loadScript(`${emulator.url}/widget.js`)
    page.widgent().init({ ...CREDENTIALS, serviceKey: 'wrong' })
    await eventually(() => expect(page.errors).toHaveLength(1))
    expect(page.errors[0]).toMatch(/init failed for product "demo-product": Wrong serviceKey/)
    expect(page.readyEvents()).toBe(0)
    expect(page.panels()).toEqual([])
    expect(emulator.log().inits).toEqual([])
  })

  it('refuses a page whose origin is not registered for the product', async () => {
    const emulator = await useEmulator({ strict })
    const page = openPage('https://unregistered.example')
    await page.loadScript(`${emulator.url}/widget.js`)
    page.widgent().init(CREDENTIALS)
    await eventually(() => expect(page.errors).toHaveLength(1))
    expect(page.errors[0]).toMatch(/https:\/\/unregistered\.example is registered for the product/)
    expect(page.readyEvents()).toBe(0)
    expect(emulator.log().rejected).toMatchObject([{ path: '/v1/widget/config', status: 403 }])
  })

  it('init without credentials says what it needs', async () => {
    const emulator = await useEmulator({ strict })
    const page = openPage()
    await page.loadScript(`${emulator.url}/widget.js`)
    page.widgent().init({ productId: 'demo-product' } as never)
    expect(page.errors).toEqual([expect.stringMatching(/init needs \{ productId, serviceKey \}/)])
  })

  it('sends a message from the panel with the bearer token and shows the reply by name', async () => {
    const emulator = await useEmulator({ strict })
    const { token } = await mintToken(emulator.url)
    const page = await readyPage(emulator)
    const root = page.panels()[0]!.shadowRoot!
    const send = async (text: string) => {
      root.querySelector('input')!.value = text
      root.querySelector('form')!.requestSubmit()
      await eventually(() =>
        expect(root.querySelector('li[data-from="agent"]:last-child, li[data-from="error"]:last-child')).not.toBeNull(),
      )
      return root.querySelector('li:last-child')!.textContent
    }
    expect(await send('who am I?')).toMatch(/anonymously/)
    page.widgent()('setIdentityTokenFetcher', () => Promise.resolve(token))
    await eventually(() => expect(page.panels()[0]!.dataset.identity).toBe('ada-1'))
    expect(await send('and now?')).toBe('Hi Ada! You said: "and now?"')
    expect(emulator.log().messages.map((m) => [m.identity, m.origin])).toEqual([
      ['anonymous', 'http://localhost:5173'],
      ['ada-1', 'http://localhost:5173'],
    ])
  })

  it('clears the conversation when someone else starts talking, and keeps it when the same user refreshes', async () => {
    const emulator = await useEmulator({ strict })
    const ada = (await mintToken(emulator.url)).token
    const page = await readyPage(emulator)
    const root = page.panels()[0]!.shadowRoot!
    const lines = () => root.querySelectorAll('li').length
    page.widgent()('setIdentityTokenFetcher', () => Promise.resolve(ada))
    await eventually(() => expect(page.panels()[0]!.dataset.identity).toBe('ada-1'))
    root.querySelector('input')!.value = 'hello'
    root.querySelector('form')!.requestSubmit()
    await eventually(() => expect(lines()).toBe(2))
    page.widgent()('setIdentityTokenFetcher', () => Promise.resolve(ada))
    await eventually(() => expect(page.widgent().__emulator.answers).toHaveLength(2))
    expect(lines()).toBe(2)
    page.widgent()('setIdentityTokenFetcher', () => Promise.resolve(''))
    await eventually(() => expect(page.panels()[0]!.dataset.identity).toBe('anonymous'))
    expect(lines()).toBe(0)
  })

  it("the 'never-ready' fault: init is accepted, the widget never checks in or becomes ready", async () => {
    const emulator = await useEmulator({ faults: true, strict })
    await postJson(`${emulator.url}/__emulator/faults`, { script: 'never-ready' })
    const page = openPage()
    await page.loadScript(`${emulator.url}/widget.js`)
    const fetcher = recordingFetcher(() => '')
    page.widgent()('setIdentityTokenFetcher', fetcher)
    page.widgent().init(CREDENTIALS)
    await fetch(`${emulator.url}/__emulator/log`)
    expect(page.widgent().__emulator.inits).toBe(1)
    expect(page.readyEvents()).toBe(0)
    expect(emulator.log().inits).toEqual([])
    expect(fetcher.calls).toEqual([])
    expect(page.errors).toEqual([])
    expect(page.widgent().__emulator.dropped).toEqual(strict ? ['setIdentityTokenFetcher'] : [])
  })

  it('mounts a launcher button with an accessible name; the panel is closed until it is clicked, and a click toggles it', async () => {
    const emulator = await useEmulator({ strict })
    const { token } = await mintToken(emulator.url)
    const page = await readyPage(emulator)
    const panel = page.panels()[0]!
    const { launcher, section } = partsOf(panel)
    expect(launcher.tagName).toBe('BUTTON')
    expect(launcher.type).toBe('button')
    expect(launcher.getAttribute('aria-label')).toBe('Widgent chat')
    expect(launcher.getAttribute('aria-controls')).toBe(section.id)
    expect([panel.dataset.open, section.hidden, launcher.getAttribute('aria-expanded')]).toEqual([
      'false',
      true,
      'false',
    ])
    // Who is chatting shows on the host whether the panel is open or closed.
    page.widgent()('setIdentityTokenFetcher', () => Promise.resolve(token))
    await eventually(() => expect([panel.dataset.identity, panel.dataset.name]).toEqual(['ada-1', 'Ada']))
    launcher.click()
    expect([panel.dataset.open, section.hidden, launcher.getAttribute('aria-expanded')]).toEqual([
      'true',
      false,
      'true',
    ])
    expect(panel.shadowRoot!.activeElement).toBe(panel.shadowRoot!.querySelector('input'))
    expect([panel.dataset.identity, panel.dataset.name]).toEqual(['ada-1', 'Ada'])
    launcher.click()
    expect([panel.dataset.open, section.hidden, launcher.getAttribute('aria-expanded')]).toEqual([
      'false',
      true,
      'false',
    ])
    expect(page.panels()).toHaveLength(1)
  })

  it('Escape in the open panel closes it and gives focus back to the launcher', async () => {
    const emulator = await useEmulator({ strict })
    const page = await readyPage(emulator)
    const panel = page.panels()[0]!
    const { launcher, section } = partsOf(panel)
    launcher.click()
    const input = panel.shadowRoot!.querySelector('input')!
    input.dispatchEvent(new page.window.KeyboardEvent('keydown', { key: 'Enter', bubbles: true }))
    expect(panel.dataset.open).toBe('true')
    input.dispatchEvent(new page.window.KeyboardEvent('keydown', { key: 'Escape', bubbles: true }))
    expect([panel.dataset.open, section.hidden]).toEqual(['false', true])
    expect(panel.shadowRoot!.activeElement).toBe(launcher)
  })

  it('serves the script padded to weight.scriptBytes, with padding gzip cannot squeeze away, and it still works', async () => {
    const emulator = await useEmulator({ strict, weight: { scriptBytes: 200_000 } })
    const script = Buffer.from(await (await fetch(`${emulator.url}/widget.js`)).arrayBuffer())
    expect(script.length).toBe(200_000)
    expect(gzipSync(script, { level: 9 }).length).toBeGreaterThan(140_000)
    const page = await readyPage(emulator)
    expect(page.panels()).toHaveLength(1)
    expect(page.errors).toEqual([])
  })

  it("runs the vendor's documented snippet as printed: ready, then the fetcher, identified by the site's token route", async () => {
    const emulator = await useEmulator({ strict })
    const port = await serveVendorPage(emulator.url)
    const page = openPage(`http://127.0.0.1:${port}`)
    await page.loadScript(`${emulator.url}/widget.js`)
    page.window.eval(vendorSnippet(CREDENTIALS.productId, CREDENTIALS.serviceKey))
    await page.ready
    await eventually(() => expect(page.panels()[0]!.dataset.identity).toBe('ada-1'))
    expect(page.panels()[0]!.dataset.name).toBe('Ada')
    expect(emulator.log().tokens).toHaveLength(1)
    expect([page.errors, page.warnings, page.widgent().__emulator.dropped]).toEqual([[], [], []])
  })
})

describe('the default mode: kinder than the vendor page', () => {
  it('window.widgent.ready is false until ready, then true', async () => {
    const emulator = await useEmulator()
    const page = openPage()
    await page.loadScript(`${emulator.url}/widget.js`)
    expect(page.widgent().ready).toBe(false)
    page.widgent().init(CREDENTIALS)
    await page.ready
    expect(page.widgent().ready).toBe(true)
  })

  it("opens and closes the panel on the 'open' and 'close' commands, queued like any other before ready", async () => {
    const emulator = await useEmulator()
    const page = openPage()
    await page.loadScript(`${emulator.url}/widget.js`)
    page.widgent()('open')
    page.widgent().init(CREDENTIALS)
    await page.ready
    const panel = page.panels()[0]!
    expect([panel.dataset.open, partsOf(panel).section.hidden]).toEqual(['true', false])
    page.widgent()('close')
    expect([panel.dataset.open, partsOf(panel).launcher.getAttribute('aria-expanded')]).toEqual(['false', 'false'])
    page.widgent()('open')
    page.widgent()('open')
    expect(panel.dataset.open).toBe('true')
    expect(page.errors).toEqual([])
  })

  it('queues commands sent before ready and runs them in order once ready', async () => {
    const emulator = await useEmulator()
    const { token } = await mintToken(emulator.url, { userId: 'grace-2', name: 'Grace' })
    const page = openPage()
    await page.loadScript(`${emulator.url}/widget.js`)
    const first = recordingFetcher(() => '')
    const second = recordingFetcher(() => token)
    page.widgent()('setIdentityTokenFetcher', first)
    page.widgent()('setIdentityTokenFetcher', second)
    page.widgent().init(CREDENTIALS)
    expect([first.calls.length, second.calls.length]).toEqual([0, 0])
    await page.ready
    expect([first.calls.length, second.calls.length]).toEqual([1, 1])
    expect(first.calls[0]).toBeLessThanOrEqual(second.calls[0]!)
    await eventually(() =>
      expect(page.widgent().__emulator.answers.map((a) => a.identity)).toEqual(['anonymous', 'grace-2']),
    )
    expect(page.panels()[0]!.dataset.identity).toBe('grace-2')
  })
})

describe('strict mode: only what the vendor page documents', () => {
  it('defines no window.widgent.ready, before or after ready', async () => {
    const emulator = await useEmulator({ strict: true })
    const page = openPage()
    await page.loadScript(`${emulator.url}/widget.js`)
    expect('ready' in page.widgent()).toBe(false)
    page.widgent().init(CREDENTIALS)
    await page.ready
    expect('ready' in page.widgent()).toBe(false)
    expect(page.readyEvents()).toBe(1)
  })

  it('drops commands sent before widgent:ready, with a console warning saying so, and never runs them', async () => {
    const emulator = await useEmulator({ strict: true })
    const { token } = await mintToken(emulator.url)
    const page = openPage()
    await page.loadScript(`${emulator.url}/widget.js`)
    const early = recordingFetcher(() => token)
    page.widgent()('setIdentityTokenFetcher', early)
    page.widgent().init(CREDENTIALS)
    await page.ready
    expect(early.calls).toEqual([])
    expect(page.widgent().__emulator.dropped).toEqual(['setIdentityTokenFetcher'])
    expect(page.warnings).toEqual([
      expect.stringMatching(/"setIdentityTokenFetcher" was sent before widgent:ready, so it is dropped/),
    ])
    expect(page.panels()[0]!.dataset.identity).toBe('anonymous')
    // The same command after ready is honoured.
    const late = recordingFetcher(() => token)
    page.widgent()('setIdentityTokenFetcher', late)
    expect(late.calls).toHaveLength(1)
    await eventually(() => expect(page.panels()[0]!.dataset.identity).toBe('ada-1'))
    expect(early.calls).toEqual([])
  })

  it("knows no 'open' or 'close' command: the vendor page documents none", async () => {
    const emulator = await useEmulator({ strict: true })
    const page = await readyPage(emulator)
    page.widgent()('open')
    page.widgent()('close')
    expect(page.errors).toEqual([
      expect.stringMatching(/unknown command "open"/),
      expect.stringMatching(/unknown command "close"/),
    ])
    expect(page.panels()[0]!.dataset.open).toBe('false')
  })

  it('reads its own token format: who is chatting, and when to ask again (a real 2 s strict token)', async () => {
    const emulator = await useEmulator({ tokenTtlSeconds: 2, strict: true })
    const page = await readyPage(emulator)
    const tokens: string[] = []
    const fetcher = recordingFetcher(async () => {
      tokens.push((await mintToken(emulator.url, { name: 'Ada Lovelace' })).token)
      return tokens.at(-1)!
    })
    page.widgent()('setIdentityTokenFetcher', fetcher)
    await eventually(() => expect(page.panels()[0]!.dataset.name).toBe('Ada Lovelace'))
    expect(isJwt(tokens[0]!)).toBe(false)
    await eventually(() => expect(fetcher.calls).toHaveLength(2))
    expect(page.panels()[0]!.dataset.identity).toBe('ada-1')
  })
})
