import { createWidgent } from '@widgent/core'

// The page's settings, from the server: the emulator's in the tests, the real service's in production.
const { scriptUrl, productId, serviceKey, user } = JSON.parse(document.getElementById('settings')!.textContent!)

const widgent = createWidgent({ productId, serviceKey, scriptUrl, tokenEndpoint: '/api/widgent-token' })
widgent.mount()
widgent.setUser(user)

const signIn = async (id: string) => {
  const response = await fetch(`/api/login?user=${id}`, { method: 'POST' })
  widgent.setUser(await response.json())
  render()
}
const signOut = async () => {
  await fetch('/api/logout', { method: 'POST' })
  widgent.setUser(null)
  render()
}

let current = user
function render() {
  current = widgent.getSnapshot().user ?? null
  const button = document.createElement('button')
  button.textContent = current ? 'Sign out' : 'Sign in as Ada'
  button.onclick = () => (current ? signOut() : signIn('ada'))
  document.getElementById('account')!.replaceChildren(button)
}
render()
