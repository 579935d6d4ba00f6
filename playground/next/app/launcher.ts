import { headers } from 'next/headers'
import { launcherMode, type LauncherMode } from '@widgent/playground-shared'

/** The request header in which proxy.ts hands the page's query string to the layout. */
export const LAUNCHER_HEADER = 'x-playground-search'

/** The page's query string on the server: `?launcher=facade`, or whatever the page was asked with. */
export async function requestSearch(): Promise<string> {
  return (await headers()).get(LAUNCHER_HEADER) ?? ''
}

/** The playground's Eager / Facade mode of this request (see proxy.ts). */
export async function requestLauncherMode(): Promise<LauncherMode> {
  return launcherMode(await requestSearch())
}
