import { shallowRef } from 'vue'
import { UserManager, WebStorageStateStore, type User } from 'oidc-client-ts'

export const userManager = new UserManager({
  authority: import.meta.env.VITE_OIDC_ISSUER,
  client_id: import.meta.env.VITE_OIDC_CLIENT_ID,
  redirect_uri: `${location.origin}/`,
  post_logout_redirect_uri: `${location.origin}/`,
  scope: 'openid profile',
  // In localStorage, so every tab of the app has the user (oidc-client-ts keeps it per tab by default).
  userStore: new WebStorageStateStore({ store: localStorage }),
})

/** The signed-in user: undefined until oidc-client-ts has read its store (or finished a sign-in), then the user or null. */
export const user = shallowRef<User | null | undefined>(undefined)

// A renewed access token, the same person: the kit keys on the id, so this costs nothing.
userManager.events.addUserLoaded((loaded) => {
  user.value = loaded
})
userManager.events.addUserUnloaded(() => {
  user.value = null
})
// oidc-client-ts does not tell the other tabs: the store's storage event does. A user gone from the store is removed
// here too, which ends this tab's renewal timers: else its next renewal would ask the provider for the user who left.
addEventListener('storage', (event) => {
  if (!event.key?.startsWith('oidc.user:')) return
  void userManager.getUser().then(async (stored) => {
    if (stored) user.value = stored
    else await userManager.removeUser()
  })
})

/** Back from the provider with a code: finish the sign-in, and take the code out of the address. */
async function start() {
  const query = new URLSearchParams(location.search)
  if (query.has('code') || query.has('error')) {
    await userManager.signinRedirectCallback().catch((error) => console.warn('[oidc] sign-in failed:', error.message))
    history.replaceState(null, '', location.pathname)
  }
  user.value = await userManager.getUser()
}
void start()
