import { PlatformLocation } from '@angular/common'
import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core'
import { toSignal } from '@angular/core/rxjs-interop'
import { injectWidgent, injectWidgentIdentity, WidgentLauncher } from '@widgent/angular'
import { describeState, launcherMode, launcherSwitch, retry } from '@widgent/playground-shared'
import { map } from 'rxjs'
import { PlaygroundAuth } from './playgroundAuth'

@Component({
  selector: 'app-root',
  imports: [WidgentLauncher],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './app.html',
})
export class App {
  protected readonly auth = inject(PlaygroundAuth)
  protected readonly session = toSignal(this.auth.state$, { requireSync: true })
  // The recipe: auth loading -> undefined, signed out -> null, signed in -> { id, name }.
  protected readonly state = injectWidgentIdentity(
    this.auth.user$.pipe(map((user) => (user === undefined ? undefined : user && { id: user.id, name: user.name }))),
  )
  protected readonly client = injectWidgent().client
  protected readonly status = computed(() => describeState(this.state()))
  protected readonly retry = retry
  // ?launcher=facade: the kit has load: 'interaction', and <widgent-launcher> loads the widget on intent (in the
  // emulator launcher's colour, so the takeover is seamless). The request's query on the server, the page's after.
  private readonly location = inject(PlatformLocation)
  protected readonly facade = launcherMode(this.location.search) == 'facade'
  protected readonly modes = launcherSwitch(this.location.search, this.location.pathname)
}
