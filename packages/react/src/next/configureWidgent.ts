import { WidgentError, type WidgentOptions } from '@widgent/core'

/** The options that are functions, which a server `layout.tsx` cannot pass to a client component. */
export type WidgentCallbacks = Pick<WidgentOptions, 'onError' | 'fetchToken'>

let callbacks: WidgentCallbacks = {}
// Whether the page's client was created with a fetchToken; undefined until a provider creates one.
let created: boolean | undefined

/**
 * Gives `<WidgentProvider>` from `@widgent/react/next` its `onError` and `fetchToken`, from a client module of
 * yours instead of a prop: call it in `instrumentation-client.ts`, which Next.js runs before the app hydrates.
 * A later call replaces them; only whether there is a `fetchToken` is fixed once the provider has made its client.
 */
export function configureWidgent(next: WidgentCallbacks): void {
  if (created != null && created != !!next.fetchToken) {
    throw new WidgentError(
      'config',
      __DEV__ &&
        'configureWidgent() came after <WidgentProvider> made its client, and adds or drops fetchToken: call it in instrumentation-client.ts, which runs before the app.',
    )
  }
  callbacks = next
}

/** What the provider passes the core: the configured callbacks behind stable functions, so a later call reaches them. */
export function configuredCallbacks(): WidgentCallbacks {
  created = !!callbacks.fetchToken
  return {
    onError: (error) => callbacks.onError?.(error),
    fetchToken: callbacks.fetchToken && ((user, ctx) => callbacks.fetchToken!(user, ctx)),
  }
}
