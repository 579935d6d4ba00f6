// The emulator's widget: a readable stand-in for the real Widgent widget script.
// The emulator fills in its config ({ apiUrl, neverReady, strict, startupMs }) on the last line as it serves this
// file, and may append padding (the weight knob). Strict: only what the vendor page documents (no `ready` flag,
// commands before widgent:ready dropped, no command but setIdentityTokenFetcher).
;(function (config) {
  'use strict'

  // The weight knob: the main-thread work a real widget does as its script starts, as one blocking task.
  const busyUntil = performance.now() + config.startupMs
  while (performance.now() < busyUntil);

  // Loaded twice: the first copy keeps the page, so there is still one panel and one init.
  if (window.widgent && window.widgent.__emulator) return

  const hooks = { inits: 0, answers: [], dropped: [] }
  const queue = []
  let ready = false
  let initialized = false
  let productId = ''
  let fetcher = null
  let token = ''
  let user = null
  let refreshTimer
  let expiryTimer
  // The service's clock less the page's, from the config answer (0 until then).
  let clockOffset = 0
  let panel = null

  function widgent(command, ...args) {
    if (ready) run(command, args)
    else if (!config.strict) queue.push([command, args])
    else {
      hooks.dropped.push(command)
      console.warn(
        `Widgent: "${command}" was sent before widgent:ready, so it is dropped: send commands from a widgent:ready listener.`,
      )
    }
  }
  if (!config.strict) widgent.ready = false
  // Test hooks: how often init was called (ignored calls included), every fetcher answer applied, and (strict)
  // the commands dropped for coming before ready.
  widgent.__emulator = hooks

  widgent.init = function init(options) {
    hooks.inits++
    if (initialized) {
      return void console.warn(
        'Widgent: init was called again; the widget is already initialised, so this call is ignored.',
      )
    }
    initialized = true
    if (config.neverReady) return
    const { productId: id, serviceKey } = options || {}
    if (typeof id != 'string' || !id || typeof serviceKey != 'string' || !serviceKey) {
      return void console.error(
        'Widgent: init needs { productId, serviceKey }: copy both from the dashboard Setup tab.',
      )
    }
    productId = id
    const query = new URLSearchParams({ productId, serviceKey })
    fetch(`${config.apiUrl}/v1/widget/config?${query}`, { credentials: 'omit' })
      .then(async (response) => {
        if (!response.ok) {
          const body = await response.json().catch(() => ({}))
          throw new Error(body.error || `the service answered ${response.status}`)
        }
        // Read to the end, as a widget that uses its config does (an unread answer never finishes loading).
        const { now } = JSON.parse(await response.text())
        if (typeof now == 'number') clockOffset = now - Date.now()
        return whenBodyExists()
      })
      .then(() => {
        mountPanel()
        ready = true
        if (!config.strict) widgent.ready = true
        for (const [command, args] of queue.splice(0)) run(command, args)
        window.dispatchEvent(new Event('widgent:ready'))
      })
      .catch((error) => {
        console.error(
          `Widgent: init failed for product "${productId}": ${error.message} ` +
            `(check productId and serviceKey, and that ${location.origin} is registered for the product).`,
        )
      })
  }

  const commands = {
    setIdentityTokenFetcher(fn) {
      if (typeof fn != 'function') {
        return void console.error(
          'Widgent: setIdentityTokenFetcher needs a function resolving a token, or "" for anonymous.',
        )
      }
      fetcher = fn
      askFetcher()
    },
  }
  // The vendor page documents no command to open or close the panel: the default mode's extras.
  if (!config.strict) {
    commands.open = () => setOpen(true)
    commands.close = () => setOpen(false)
  }

  function run(command, args) {
    if (!Object.hasOwn(commands, command)) return void console.error(`Widgent: unknown command "${command}".`)
    commands[command](...args)
  }

  // Every answer is applied as it arrives: keeping answers in order is the page's job, not the widget's.
  async function askFetcher() {
    clearTimeout(refreshTimer)
    let answer
    try {
      answer = await fetcher()
    } catch (error) {
      console.error('Widgent: the identity token fetcher failed; continuing anonymously.', error)
      answer = ''
    }
    if (typeof answer != 'string') {
      console.error(
        'Widgent: the identity token fetcher must resolve a string (a token, or "" for anonymous); continuing anonymously.',
      )
      answer = ''
    }
    const claims = answer ? readClaims(answer) : null
    if (answer && !claims)
      console.error('Widgent: the identity token is not one Widgent minted (no subject in it); continuing anonymously.')
    // Someone else is talking now: they must not see the previous person's conversation.
    if (panel && (user ? user.id : '') != (claims ? claims.sub : '')) panel.list.replaceChildren()
    token = claims ? answer : ''
    user = claims
      ? {
          id: claims.sub,
          name: typeof claims.name == 'string' ? claims.name : '',
          expired: claims.exp * 1000 <= serviceNow(),
        }
      : null
    hooks.answers.push({ at: Date.now(), identity: user ? user.id : 'anonymous' })
    clearTimeout(refreshTimer)
    clearTimeout(expiryTimer)
    if (claims && typeof claims.exp == 'number') {
      scheduleRefresh(claims)
      // The service treats an expired token as anonymous, so the panel does too; the token is still sent.
      expiryTimer = later(expire, claims.exp * 1000 - serviceNow())
    }
    renderIdentity()
  }

  function expire() {
    if (user) user.expired = true
    renderIdentity()
  }

  // Ask again a little before the token runs out: 20% of its lifetime ahead, between 1 and 60 seconds,
  // and never sooner than a second from now, so an expired token cannot make it spin.
  function scheduleRefresh({ iat, exp }) {
    const lifetime = exp - (typeof iat == 'number' ? iat : serviceNow() / 1000)
    const lead = Math.min(60, Math.max(1, lifetime * 0.2)) * 1000
    refreshTimer = later(askFetcher, Math.max(1000, exp * 1000 - lead - serviceNow()))
  }

  // The service's time as its config answer told it: tokens are judged by it, whatever the page's clock says.
  function serviceNow() {
    return Date.now() + clockOffset
  }

  // setTimeout fires at once past 2^31 - 1 ms (about 24 days); a far-off expiry must not.
  function later(callback, ms) {
    return ms < 2 ** 31 ? setTimeout(callback, Math.max(0, ms)) : undefined
  }

  // Decoded, not verified: the service verifies the signature on every message. The widget knows its own
  // formats: a JWT (exp and iat in seconds) and the strict one, wgt1.<payload>.<signature> (times in ms).
  function readClaims(token) {
    try {
      const [head, part] = token.split('.')
      const base64 = part.replace(/-/g, '+').replace(/_/g, '/')
      const bytes = Uint8Array.from(atob(base64 + '==='.slice((base64.length + 3) % 4)), (c) => c.charCodeAt(0))
      const claims = JSON.parse(new TextDecoder().decode(bytes))
      if (!claims || typeof claims.sub != 'string') return null
      return head == 'wgt1' ? { ...claims, iat: claims.issuedAt / 1000, exp: claims.expiresAt / 1000 } : claims
    } catch {
      return null
    }
  }

  function whenBodyExists() {
    if (document.body) return Promise.resolve()
    return new Promise((resolve) => document.addEventListener('DOMContentLoaded', () => resolve(), { once: true }))
  }

  // The launcher (56 px round, 20 px from the bottom-right corner: the README gives this geometry, which a
  // launcher facade copies) toggles the panel above it; the panel starts closed.
  function mountPanel() {
    const host = document.createElement('widgent-panel')
    const root = host.attachShadow({ mode: 'open' })
    root.innerHTML = `
      <style>
        :host { position: fixed; right: 20px; bottom: 20px; width: 56px; height: 56px; z-index: 2147483000;
          font: 14px/1.4 system-ui, sans-serif; color: #1d1d1f; }
        .launcher { width: 56px; height: 56px; margin: 0; padding: 0;
          border: 0; border-radius: 50%; background: #4b3bff; color: #fff; box-shadow: 0 4px 12px #0003; cursor: pointer;
          display: grid; place-items: center; }
        .launcher:focus-visible { outline: 3px solid #1d1d1f; outline-offset: 2px; }
        section { position: fixed; right: 20px; bottom: 88px; box-sizing: border-box; width: 300px; background: #fff; border: 1px solid #d2d2d7;
          border-radius: 12px; box-shadow: 0 8px 24px #0002; overflow: hidden; }
        section[hidden] { display: none; }
        header { padding: 10px 12px; background: #4b3bff; color: #fff; font-weight: 600; }
        ol { list-style: none; margin: 0; padding: 8px 12px; max-height: 220px; overflow-y: auto; }
        li { margin: 4px 0; }
        li[data-from='you'] { text-align: right; color: #4b3bff; }
        li[data-from='error'] { color: #c00; }
        form { display: flex; gap: 6px; padding: 8px 12px; border-top: 1px solid #eee; }
        input { flex: 1; font: inherit; padding: 4px 8px; }
      </style>
      <section id="chat" aria-label="Widgent chat" hidden>
        <header>Widgent (emulator) · <span data-who></span></header>
        <ol aria-live="polite"></ol>
        <form><input name="text" aria-label="Message" autocomplete="off" placeholder="Say hello"><button>Send</button></form>
      </section>
      <button class="launcher" type="button" aria-label="Widgent chat" aria-controls="chat" aria-expanded="false">
        <svg width="24" height="24" viewBox="0 0 24 24" aria-hidden="true"><path fill="currentColor" d="M4 4h16a2 2 0 0 1 2 2v10a2 2 0 0 1-2 2H9l-5 4v-4a2 2 0 0 1-2-2V6a2 2 0 0 1 2-2z"/></svg>
      </button>`
    const launcher = root.querySelector('.launcher')
    const section = root.querySelector('section')
    launcher.addEventListener('click', () => setOpen(section.hidden))
    // Escape closes the panel and gives focus back to the launcher.
    section.addEventListener('keydown', (event) => {
      if (event.key != 'Escape') return
      setOpen(false)
      launcher.focus()
    })
    root.querySelector('form').addEventListener('submit', (event) => {
      event.preventDefault()
      const input = root.querySelector('input')
      const text = input.value.trim()
      input.value = ''
      if (text) void send(text)
    })
    panel = { host, root, launcher, section, who: root.querySelector('[data-who]'), list: root.querySelector('ol') }
    host.dataset.open = 'false'
    renderIdentity()
    document.body.append(host)
  }

  function setOpen(open) {
    if (!panel || panel.section.hidden == !open) return
    panel.section.hidden = !open
    panel.launcher.setAttribute('aria-expanded', String(open))
    panel.host.dataset.open = String(open)
    if (open) panel.root.querySelector('input').focus()
  }

  // data-identity is who the service would take the sender to be right now.
  function renderIdentity() {
    if (!panel) return
    const current = user && !user.expired ? user : null
    panel.host.dataset.identity = current ? current.id : 'anonymous'
    panel.host.dataset.name = current ? current.name : ''
    panel.who.textContent = current
      ? `Chatting as ${current.name || current.id}`
      : user
        ? 'Chatting anonymously (session expired)'
        : 'Chatting anonymously'
  }

  function say(from, text) {
    const line = document.createElement('li')
    line.dataset.from = from
    line.textContent = text
    panel.list.append(line)
    panel.list.scrollTop = panel.list.scrollHeight
  }

  async function send(text) {
    say('you', text)
    const headers = { 'Content-Type': 'application/json' }
    if (token) headers.Authorization = `Bearer ${token}`
    try {
      const response = await fetch(`${config.apiUrl}/v1/messages`, {
        method: 'POST',
        headers,
        credentials: 'omit',
        body: JSON.stringify({ productId, text }),
      })
      const body = await response.json()
      say(response.ok ? 'agent' : 'error', response.ok ? body.reply : `Message refused: ${body.error}`)
    } catch (error) {
      say('error', `Could not reach Widgent: ${error.message}`)
    }
  }

  window.widgent = widgent
  // eslint-disable-next-line no-undef -- a placeholder: serveWidgetScript replaces it with the config before serving
})(__WIDGENT_EMULATOR_CONFIG__)
