import { describe, expect, it } from 'vitest'
import { DEMO_PRODUCT } from '../DEMO_PRODUCT'
import { useEmulator } from '@widgent/test-utils/emulator'

describe('GET /', () => {
  it('says what the emulator is, how to use it and links what a browser can read, without a secret', async () => {
    const emulator = await useEmulator()
    const response = await fetch(`${emulator.url}/`)
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8')
    const html = await response.text()
    expect(html).toContain('<title>Widgent emulator</title>')
    expect(html).toContain('<a href="/__emulator/log">')
    expect(html).toContain('<a href="/widget.js">')
    expect(html).toContain(`scriptUrl: '${emulator.url}/widget.js'`)
    expect(html).toContain(`WIDGENT_API_URL=${emulator.url}`)
    expect(html).toContain(`<code>${DEMO_PRODUCT.serviceKey}</code>`)
    expect(html).not.toContain(DEMO_PRODUCT.verificationSecret)
    expect(html).toContain('Fault knobs: off')
    expect(html).not.toContain('/__emulator/faults')
    expect((await fetch(`${emulator.url}/__emulator/log`)).status).toBe(200)
  })

  it('shows strict mode and the fault knobs when on, and escapes what the products say', async () => {
    const product = {
      productId: '<b>acme</b>',
      serviceKey: 'key&"1"',
      verificationSecret: 'hidden-secret',
      origins: ['http://localhost:*'],
    }
    const emulator = await useEmulator({ strict: true, faults: true, products: [product] })
    const html = await (await fetch(`${emulator.url}/`)).text()
    expect(html).toContain('<strong>Strict mode</strong>')
    expect(html).toContain('<a href="/__emulator/faults">')
    expect(html).toContain('<code>&#60;b&#62;acme&#60;/b&#62;</code>')
    expect(html).toContain('<code>key&#38;&#34;1&#34;</code>')
    expect(html).not.toContain('<b>acme')
    expect(html).not.toContain('hidden-secret')
  })

  it('answers GET only', async () => {
    const emulator = await useEmulator()
    const response = await fetch(`${emulator.url}/`, { method: 'POST' })
    expect(response.status).toBe(405)
    expect(response.headers.get('allow')).toBe('GET')
  })
})
