/**
 * Tells the kit in the origin's other tabs that this tab's user changed, and hears theirs, until `signal` aborts.
 * A message holds a user id at most (null: signed out): never a token, a name or metadata.
 */
export function openTabChannel(productId: string, heard: (userId: string | null) => void, signal: AbortSignal): (userId: string | null) => void {
  const name = `widgent:${productId}`
  if (typeof BroadcastChannel == 'function') {
    const channel = new BroadcastChannel(name)
    channel.onmessage = (event) => heard(event.data)
    signal.addEventListener('abort', () => channel.close())
    return (userId) => channel.postMessage(userId)
  }
  // Older browsers: a write to localStorage reaches the other tabs as a `storage` event (`at` makes every write a change).
  addEventListener('storage', (event) => event.key == name && event.newValue && heard(JSON.parse(event.newValue).userId), { signal })
  return (userId) => {
    try {
      localStorage.setItem(name, JSON.stringify({ userId, at: Date.now() }))
    } catch {
      // Storage turned off: this tab cannot reach the others, and each still follows its own token route.
    }
  }
}
