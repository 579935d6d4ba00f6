/**
 * Each `new WidgentError(code, text)` in built code whose text is not behind the development check the shared build
 * writes for `__DEV__`: production builds must keep the code and the link only. Empty when every one is guarded.
 */
export function unguardedErrorText(built: string): string[] {
  const calls = built.matchAll(/new WidgentError\(\s*(["'])[a-z-]+\1\s*,\s*([^\n]{0,60})/g)
  return [...calls]
    .filter(([, , text]) => !/^process\.env\.NODE_ENV !== (["'])production\1 &&/.test(text!))
    .map(([call]) => call)
}
