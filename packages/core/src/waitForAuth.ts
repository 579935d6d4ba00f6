export interface AuthWait {
  /** Resolves once auth settles (`settle()`), or after `timeoutMs`: the widget must not hang on an auth library that never does. */
  _wait(): Promise<void>
  /** Ends the wait under way, if any; whether there was one (its caller then answers for the settled user itself). */
  _settle(): boolean
}

/** The widget's call to the fetcher while auth is loading (`setUser(undefined)`) waits here, bounded. */
export function createAuthWait(timeoutMs: number): AuthWait {
  let waiting: Promise<void> | undefined
  let end: (() => void) | undefined
  return {
    _wait: () =>
      (waiting ||= new Promise<void>((resolve) => {
        const timer = setTimeout(
          (end = () => {
            clearTimeout(timer)
            waiting = end = undefined
            resolve()
          }),
          timeoutMs,
        )
      })),
    _settle: () => !!end && (end(), true),
  }
}
