import { launcherSwitch } from '@widgent/playground-shared'
import { App } from './App'
import { requestSearch } from './launcher'
import { sessionUser } from './session'

export default async function Page() {
  // Computed on the server from the request, so the header's switch hydrates as rendered.
  return <App user={await sessionUser()} modes={launcherSwitch(await requestSearch(), '/')} />
}
