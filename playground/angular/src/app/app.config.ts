import { PlatformLocation } from '@angular/common'
import { inject, provideBrowserGlobalErrorListeners, type ApplicationConfig } from '@angular/core'
import { provideClientHydration, withEventReplay } from '@angular/platform-browser'
import { provideRouter } from '@angular/router'
import { provideWidgent } from '@widgent/angular'
import { widgentOptions } from '@widgent/playground-shared'
import { PLAYGROUND_CONFIG } from './playgroundConfig'

export const appConfig: ApplicationConfig = {
  providers: [
    provideBrowserGlobalErrorListeners(),
    provideRouter([]),
    provideClientHydration(withEventReplay()),
    // A factory: the product comes from DI, and the kit's timeouts and ?launcher=facade from the page's query string
    // (the request's on the server), so the server renders what the page will.
    provideWidgent(() => widgentOptions(inject(PlatformLocation).search, inject(PLAYGROUND_CONFIG))),
  ],
}
