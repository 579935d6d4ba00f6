import { useState, type ReactNode } from 'react'
import { WidgentError, type WidgentOptions, type WidgentUser } from '@widgent/core'
import { WidgentProvider as Provider, useWidgentIdentity } from '@widgent/react'
import { configuredCallbacks } from './configureWidgent'

// Next.js replaces each `process.env.NEXT_PUBLIC_*` written out in full with its value at build time, in package
// code too; in the browser there is no other environment to read.
declare const process: { env: Record<string, string | undefined> }

/** Where the provider asks for tokens when given neither `tokenEndpoint` nor `fetchToken`: `app/api/widgent-token/route.ts`. */
const DEFAULT_TOKEN_ENDPOINT = '/api/widgent-token'

export interface WidgentProviderProps extends Partial<WidgentOptions> {
  /**
   * Who your server session says is signed in (`null`: nobody), applied on mount, so a signed-in page never starts
   * anonymous. Leave it out to tell the kit yourself with `useWidgentIdentity`.
   */
  user?: WidgentUser | null
  children?: ReactNode
}

/**
 * `<WidgentProvider>` for the Next.js App Router: render it from a server `app/layout.tsx`. `productId`, `serviceKey`
 * and `scriptUrl` default to `NEXT_PUBLIC_WIDGENT_PRODUCT_ID`, `NEXT_PUBLIC_WIDGENT_SERVICE_KEY` and
 * `NEXT_PUBLIC_WIDGENT_SCRIPT_URL`, `tokenEndpoint` to `/api/widgent-token`, and `onError` / `fetchToken` to what
 * `configureWidgent` was given. Props win. Options are read on the first render only.
 */
export function WidgentProvider({ user, children, ...props }: WidgentProviderProps) {
  const [options] = useState(() => nextOptions(props))
  return (
    <Provider {...options}>
      {/* Before the children: its effect runs first, so theirs already see the user. */}
      {user !== undefined && <SessionUser user={user} />}
      {children}
    </Provider>
  )
}

function SessionUser({ user }: { user: WidgentUser | null }) {
  useWidgentIdentity(user)
  return null
}

function nextOptions(props: Partial<WidgentOptions>): WidgentOptions {
  const options: Partial<WidgentOptions> = {
    productId: process.env.NEXT_PUBLIC_WIDGENT_PRODUCT_ID,
    serviceKey: process.env.NEXT_PUBLIC_WIDGENT_SERVICE_KEY,
    scriptUrl: process.env.NEXT_PUBLIC_WIDGENT_SCRIPT_URL || undefined,
    ...configuredCallbacks(),
    ...props,
  }
  if (!options.productId || !options.serviceKey) {
    throw new WidgentError(
      'config',
      __DEV__ &&
        'Set NEXT_PUBLIC_WIDGENT_PRODUCT_ID and NEXT_PUBLIC_WIDGENT_SERVICE_KEY (Next.js writes them into the build: build again after a change), or pass productId and serviceKey.',
    )
  }
  if (!options.fetchToken) options.tokenEndpoint ??= DEFAULT_TOKEN_ENDPOINT
  return options as WidgentOptions
}
