// Everything else under /api (session, login, logout, the test hooks) is the demo backend's, so the session cookie
// is first-party, as the other apps' dev proxy makes it.
export default defineEventHandler((event) => proxyRequest(event, useRuntimeConfig(event).backendUrl + event.path))
