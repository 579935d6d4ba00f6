// The one fake widget is the public one, through @widgent/testing's published entry, as users get it. A peer, not a
// dependency (that package's own tests use the kit: turbo would see a cycle), so turbo.json builds it before any test
// or typecheck.
import { installFakeWidget as installPublic, type FakeWidget } from '@widgent/testing'

export type { FakeWidget }

export interface FakeWidgetOptions {
  /** Already ready (the kit finds it so) instead of waiting for `fireReady()`. Default true. */
  ready?: boolean
  /**
   * The vendor page's contract and nothing more: no `ready` property, and commands sent before
   * `widgent:ready` are dropped. Off: a `ready` flag, and commands queued until ready (the emulator's kindness).
   */
  strict?: boolean
  /** On `window.widgent` at once (default), or only once `install()` is called: a script that has not arrived yet. */
  onPage?: boolean
}

/** The public fake widget, lenient unless `strict` (the kit's own tests run each identity rule both ways). */
export const installFakeWidget = ({ strict = false, ...options }: FakeWidgetOptions = {}): FakeWidget =>
  installPublic({ ...options, lenient: !strict })
