// The soak's tab: the kit with the playground's auth client (a cookie session on the demo backend, reached through
// this page's /api), recording when its user changed and what its widget was told, for the soak to check.
import { createWidgent, type WidgentUser } from '@widgent/core'
import { auth } from '@widgent/playground-shared'

declare global {
  interface Window {
    soak: {
      /** When the kit was told a new user, the moment it was told (ms, the page's clock). */
      users: Array<{ at: number; user: string }>
      state: () => ReturnType<typeof client.getSnapshot>
      signIn(user: 'ada' | 'grace'): Promise<void>
      signOut(): Promise<void>
    }
  }
}

const query = new URLSearchParams(location.search)
const client = createWidgent({
  productId: 'demo-product',
  serviceKey: 'demo-service-key',
  scriptUrl: query.get('scriptUrl')!,
  tokenEndpoint: '/api/widgent-token',
})
const users: Window['soak']['users'] = []
client.mount()
// The recipe: auth loading -> undefined, signed out -> null, signed in -> { id, name }.
auth.subscribe(({ user }) => {
  const next: WidgentUser | null | undefined = user === undefined ? undefined : user && { id: user.id, name: user.name }
  if (next !== undefined && (users.at(-1)?.user ?? 'nobody') != (next?.id ?? ''))
    users.push({ at: Date.now(), user: next?.id ?? '' })
  client.setUser(next)
})
window.soak = { users, state: client.getSnapshot, signIn: auth.signIn, signOut: auth.signOut }
