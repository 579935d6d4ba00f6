import { flush, installFakeWidget } from '@widgent/test-utils'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { freshKit } from './freshKit'

const options = { productId: 'p1', serviceKey: 'k1', scriptUrl: 'https://widget.test/widget.js' }
let kit: Awaited<ReturnType<typeof freshKit>>

const scripts = () => [...document.querySelectorAll('script')]

/** What the browser does when the script arrives and runs: defines window.widgent, then fires `load`. */
function runScript(tag = scripts()[0]!) {
  const widget = installFakeWidget({ ready: false })
  tag.dispatchEvent(new Event('load'))
  return widget
}

beforeEach(async () => {
  kit = await freshKit()
})
afterEach(() => {
  vi.useRealTimers()
  vi.restoreAllMocks()
})

describe('loadWidgent', () => {
  it('injects one async script, calls init once on load and resolves on widgent:ready', async () => {
    const loaded = kit.loadWidgent(options)
    expect(scripts()).toHaveLength(1)
    expect(scripts()[0]!.src).toBe(options.scriptUrl)
    expect(scripts()[0]!.async).toBe(true)
    const widget = runScript()
    expect(widget.inits).toEqual([{ productId: 'p1', serviceKey: 'k1' }])
    widget.fireReady()
    await expect(loaded).resolves.toBe(window.widgent)
  })

  it('uses DEFAULT_SCRIPT_URL when no scriptUrl is given', () => {
    void kit.loadWidgent({ productId: 'p', serviceKey: 'k' }).catch(() => {})
    expect(scripts()[0]!.src).toBe(kit.DEFAULT_SCRIPT_URL)
  })

  it('shares one load between concurrent callers: one tag, one init', async () => {
    const calls = [kit.loadWidgent(options), kit.loadWidgent(options), kit.loadWidgent({ ...options })]
    expect(scripts()).toHaveLength(1)
    const widget = runScript()
    widget.fireReady()
    const [a, b, c] = await Promise.all(calls)
    expect(a).toBe(b)
    expect(b).toBe(c)
    expect(widget.inits).toHaveLength(1)
    await kit.loadWidgent(options)
    expect(scripts()).toHaveLength(1)
    expect(widget.inits).toHaveLength(1)
  })

  it('listens for widgent:ready before the tag is added, so a widget that is ready at once is heard', async () => {
    const added = vi.spyOn(window, 'addEventListener')
    const appended = vi.spyOn(document.head, 'append')
    const loaded = kit.loadWidgent(options)
    expect(added.mock.invocationCallOrder[0]).toBeLessThan(appended.mock.invocationCallOrder[0]!)
    runScript().fireReady()
    await expect(loaded).resolves.toBeTruthy()
  })

  it('joins a widget that says it is ready: no tag, no init', async () => {
    const widget = installFakeWidget({ ready: true })
    await expect(kit.loadWidgent(options)).resolves.toBe(window.widgent)
    expect(scripts()).toHaveLength(0)
    expect(widget.inits).toHaveLength(0)
  })

  it('joins a widget the page loaded and initialised itself, with no ready flag (the vendor contract): no tag, no second init', async () => {
    const widget = installFakeWidget({ ready: true, strict: true })
    expect(window.widgent!.ready).toBeUndefined()
    await expect(kit.loadWidgent(options)).resolves.toBe(window.widgent)
    expect(scripts()).toHaveLength(0)
    expect(widget.inits).toHaveLength(0)
  })

  it('waits for the ready event of a widget the page loaded that says it is not ready yet, and never inits it', async () => {
    const widget = installFakeWidget({ ready: false })
    widget.inits.push({ productId: 'p1', serviceKey: 'k1' }) // the page's own snippet
    const loaded = kit.loadWidgent(options)
    await flush()
    expect(scripts()).toHaveLength(0)
    expect(widget.inits).toHaveLength(1)
    widget.fireReady()
    await expect(loaded).resolves.toBe(window.widgent)
    expect(widget.inits).toHaveLength(1)
  })

  it('a widget the page loaded but never initialised times out with a message that says so, then the retry loads one of its own', async () => {
    vi.useFakeTimers()
    const tag = document.createElement('script')
    tag.src = options.scriptUrl
    document.head.append(tag)
    installFakeWidget({ ready: false })
    const first = kit.loadWidgent({ ...options, loadTimeoutMs: 1000 })
    const failed = expect(first).rejects.toMatchObject({
      code: 'timeout',
      message: expect.stringMatching(/must call widgent.init/),
    })
    await vi.advanceTimersByTimeAsync(1000)
    await failed
    expect(scripts()).toHaveLength(0)
    expect(window.widgent).toBeUndefined()

    const second = kit.loadWidgent(options)
    expect(scripts()).toHaveLength(1)
    const widget = runScript()
    expect(widget.inits).toEqual([{ productId: 'p1', serviceKey: 'k1' }])
    widget.fireReady()
    await expect(second).resolves.toBeTruthy()
  })

  it('waits for a tag already in the HTML that is still loading', async () => {
    const tag = document.createElement('script')
    tag.src = options.scriptUrl
    document.head.append(tag)
    const loaded = kit.loadWidgent(options)
    expect(scripts()).toHaveLength(1)
    const widget = runScript(tag)
    expect(widget.inits).toHaveLength(1)
    widget.fireReady()
    await expect(loaded).resolves.toBeTruthy()
  })

  it('recovers from a tag in the HTML that failed before the kit ran: it times out once, then loads a fresh tag', async () => {
    vi.useFakeTimers()
    const dead = document.createElement('script')
    dead.src = options.scriptUrl
    document.head.append(dead) // its error event fired long ago
    const first = kit.loadWidgent({ ...options, loadTimeoutMs: 1000 })
    const failed = expect(first).rejects.toMatchObject({ code: 'timeout' })
    await vi.advanceTimersByTimeAsync(1000)
    await failed
    expect(scripts()).toHaveLength(0)

    const second = kit.loadWidgent(options)
    expect(scripts()).toHaveLength(1)
    expect(scripts()[0]).not.toBe(dead)
    runScript().fireReady()
    await expect(second).resolves.toBeTruthy()
  })

  it('sets the CSP nonce as property and attribute', () => {
    void kit.loadWidgent({ ...options, nonce: 'n0nce' })
    expect(scripts()[0]!.nonce).toBe('n0nce')
    expect(scripts()[0]!.getAttribute('nonce')).toBe('n0nce')
  })

  it('rejects with script-load on the tag error event, removes the dead tag, and the next call retries', async () => {
    const failed = kit.loadWidgent(options)
    scripts()[0]!.dispatchEvent(new Event('error'))
    await expect(failed).rejects.toMatchObject({ name: 'WidgentError', code: 'script-load' })
    expect(scripts()).toHaveLength(0)

    const retried = kit.loadWidgent(options)
    expect(scripts()).toHaveLength(1)
    runScript().fireReady()
    await expect(retried).resolves.toBeTruthy()
  })

  it('rejects with timeout after loadTimeoutMs, and forgets the half-loaded widget', async () => {
    vi.useFakeTimers()
    const loaded = kit.loadWidgent({ ...options, loadTimeoutMs: 2000 })
    const result = expect(loaded).rejects.toMatchObject({ code: 'timeout' })
    runScript() // runs, but never fires ready
    await vi.advanceTimersByTimeAsync(1999)
    expect(scripts()).toHaveLength(1)
    await vi.advanceTimersByTimeAsync(1)
    await result
    expect(scripts()).toHaveLength(0)
    expect(window.widgent).toBeUndefined()
  })

  it('defaults loadTimeoutMs to 15 s', async () => {
    vi.useFakeTimers()
    const loaded = kit.loadWidgent(options)
    let settled = false
    loaded.catch(() => (settled = true))
    await vi.advanceTimersByTimeAsync(14_999)
    expect(settled).toBe(false)
    await vi.advanceTimersByTimeAsync(1)
    expect(settled).toBe(true)
  })

  it('reports a script that defines no widgent.init as script-load', async () => {
    const loaded = kit.loadWidgent(options)
    scripts()[0]!.dispatchEvent(new Event('load'))
    await expect(loaded).rejects.toMatchObject({ code: 'script-load' })
  })

  it('leaves no listener behind once settled', async () => {
    const added = vi.spyOn(window, 'addEventListener')
    const tagAdded = vi.spyOn(HTMLScriptElement.prototype, 'addEventListener')
    const loaded = kit.loadWidgent(options)
    runScript().fireReady()
    await loaded
    await flush()
    // The loader adds its listeners with one AbortSignal, and aborting it removes them all.
    const signals = [...added.mock.calls, ...tagAdded.mock.calls]
      .filter(([type]) => ['widgent:ready', 'load', 'error'].includes(type))
      .map(([, , opts]) => (opts as AddEventListenerOptions)?.signal)
    expect(signals).toHaveLength(3)
    expect(signals.every((signal) => signal?.aborted)).toBe(true)
  })

  describe('Trusted Types', () => {
    const enforce = (createPolicy: (name: string, rules: { createScriptURL(url: string): string }) => unknown) => {
      const policies: string[] = []
      vi.stubGlobal('trustedTypes', {
        createPolicy: vi.fn((name: string, rules: { createScriptURL(url: string): string }) => {
          policies.push(name)
          return createPolicy(name, rules)
        }),
      })
      return policies
    }
    afterEach(() => vi.unstubAllGlobals())

    it("sets the script URL through one policy named 'widgent'", async () => {
      const made: string[] = []
      const policies = enforce((_, rules) => ({
        createScriptURL: (url: string) => (made.push(url), rules.createScriptURL(url)),
      }))
      const loaded = kit.loadWidgent(options)
      expect(policies).toEqual(['widgent'])
      expect(made).toEqual([options.scriptUrl])
      expect(scripts()[0]!.src).toBe(options.scriptUrl)
      scripts()[0]!.dispatchEvent(new Event('error'))
      await expect(loaded).rejects.toMatchObject({ code: 'script-load' })
      // The page allows the name once: the next try reuses the policy.
      void kit.loadWidgent(options).catch(() => {})
      expect(policies).toEqual(['widgent'])
      expect(made).toHaveLength(2)
    })

    it('a page that forbids the policy gets script-load, saying which CSP line to add', async () => {
      enforce(() => {
        throw new TypeError('Policy "widgent" disallowed.')
      })
      await expect(kit.loadWidgent(options)).rejects.toMatchObject({
        code: 'script-load',
        message: expect.stringMatching(/trusted-types widgent/),
      })
      expect(scripts()).toHaveLength(0)
    })
  })

  it('throws at once when given a verificationSecret', () => {
    expect(() => kit.loadWidgent({ ...options, verificationSecret: 's' } as never)).toThrow(/belongs on your server/)
    expect(scripts()).toHaveLength(0)
  })
})
