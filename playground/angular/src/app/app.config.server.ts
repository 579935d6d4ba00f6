import { mergeApplicationConfig, type ApplicationConfig } from '@angular/core'
import { provideServerRendering, RenderMode, withRoutes } from '@angular/ssr'
import { appConfig } from './app.config'
import { provideServerPlaygroundConfig } from './playgroundConfig'

export const serverConfig: ApplicationConfig = mergeApplicationConfig(appConfig, {
  // Rendered for each request: the page's query string decides what it shows.
  providers: [
    provideServerRendering(withRoutes([{ path: '**', renderMode: RenderMode.Server }])),
    provideServerPlaygroundConfig(),
  ],
})
