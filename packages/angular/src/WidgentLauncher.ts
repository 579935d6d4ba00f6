import { ChangeDetectionStrategy, Component, computed, inject, input, NgZone } from '@angular/core'
import { createLauncher, LAUNCHER_ICONS, type LauncherOptions } from '@widgent/core/launcher'
import { injectWidgent } from './injectWidgent'

/**
 * `<widgent-launcher>`: a real `<button>` where the widget's launcher will be, until the widget is ready: intent
 * (pointer over, focus) loads the widget, a click opens it. Content you put inside is a custom look; a chat icon
 * otherwise. Use it with `load: 'interaction'` in `provideWidgent`'s options.
 */
@Component({
  selector: 'widgent-launcher',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `@if (view(); as view) {
    <button
      type="button"
      [style]="launcher().style"
      [attr.aria-label]="launcher().label(view)"
      [title]="launcher().label(view)"
      [attr.aria-busy]="view == 'loading'"
      (pointerenter)="run('intent')"
      (focus)="run('intent')"
      (click)="run('activate')"
    >
      <ng-content
        ><svg viewBox="0 0 24 24" width="24" height="24" aria-hidden="true">
          <path fill="currentColor" [attr.d]="icons[view]" /></svg
      ></ng-content>
    </button>
  }`,
})
export class WidgentLauncher {
  readonly command = input<LauncherOptions['command']>()
  readonly label = input<string>()
  readonly loadingLabel = input<string>()
  readonly failedLabel = input<string>()
  readonly side = input<LauncherOptions['side']>()
  readonly offset = input<number>()
  readonly size = input<number>()
  readonly color = input<string>()

  private readonly widgent = injectWidgent()
  private readonly zone = inject(NgZone)
  protected readonly icons = LAUNCHER_ICONS
  protected readonly launcher = computed(() =>
    createLauncher(this.widgent.client, {
      command: this.command(),
      label: this.label(),
      loadingLabel: this.loadingLabel(),
      failedLabel: this.failedLabel(),
      side: this.side(),
      offset: this.offset(),
      size: this.size(),
      color: this.color(),
    }),
  )
  protected readonly view = computed(() => this.launcher().view(this.widgent.state()))

  /** Intent or a click, outside zone.js as the client runs: the load's timers must not keep the app from being stable. */
  protected run(action: 'intent' | 'activate'): void {
    this.zone.runOutsideAngular(() => this.launcher()[action]())
  }
}
