// The kit on a bare page, no framework: options from the query string, the playground's status line and Retry.
import { createWidgent } from '@widgent/core'
import { describeState, retry } from '@widgent/playground-shared'

const query = new URLSearchParams(location.search)
const client = createWidgent({
  productId: 'demo-product',
  serviceKey: 'demo-service-key',
  scriptUrl: query.get('scriptUrl')!,
  tokenEndpoint: '/api/widgent-token',
  nonce: query.get('nonce') ?? undefined,
  loadTimeoutMs: Number(query.get('loadTimeoutMs')) || undefined,
})
client.mount()
client.setUser(query.get('user') ? { id: query.get('user')! } : null)

const status = document.createElement('p')
status.dataset.testid = 'status'
const button = Object.assign(document.createElement('button'), { textContent: 'Retry', onclick: () => retry(client) })
document.body.append(status, button)
client.subscribe((state) => {
  const { attributes, text, canRetry } = describeState(state)
  for (const [name, value] of Object.entries(attributes)) status.setAttribute(name, value)
  status.textContent = text
  button.hidden = !canRetry
})
