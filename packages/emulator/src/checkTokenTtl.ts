/** Token lifetimes are whole seconds, at least 1 (a JWT's `exp` is in seconds). */
export function checkTokenTtl(seconds: unknown): number {
  if (!Number.isInteger(seconds) || (seconds as number) < 1) {
    throw new RangeError(`tokenTtlSeconds must be a whole number of seconds, at least 1 (got ${String(seconds)}).`)
  }
  return seconds as number
}
