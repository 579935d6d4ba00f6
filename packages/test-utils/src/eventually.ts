import { vi } from 'vitest'

/** Retries `check` until it passes: a page or a server gets there in its own time (10 s at most). */
export const eventually = <T>(check: () => T) => vi.waitFor(check, { timeout: 10_000, interval: 10 })
