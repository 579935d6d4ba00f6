/**
 * `promise`'s value, or `late` once `ms` have passed, whichever comes first: the widget's call to the fetcher is
 * answered in time whatever the token route does, while the request goes on behind it. The timer goes either way.
 */
export function answerInTime<T, L>(promise: Promise<T>, ms: number, late: L): Promise<T | L> {
  let timer: ReturnType<typeof setTimeout>
  return Promise.race([promise, new Promise<L>((resolve) => (timer = setTimeout(resolve, ms, late)))]).finally(() =>
    clearTimeout(timer),
  )
}
