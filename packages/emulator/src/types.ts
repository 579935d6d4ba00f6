import type { UserMetadata } from '@widgent/token-request'

/** A product registered with the emulator, as the Widgent dashboard would hold it. */
export interface EmulatorProduct {
  productId: string
  /** Public: the page passes it to `widgent.init`. */
  serviceKey: string
  /** Private: only your backend sends it, to `POST /v1/auth/user-token`. */
  verificationSecret: string
  /** Origins allowed to talk to the widget API, e.g. `https://app.example.com` or `http://localhost:*` (any port). */
  origins: string[]
}

export type { UserMetadata }

export interface EmulatorOptions {
  /** 0 (the default) picks a free port. */
  port?: number
  host?: string
  /** Defaults to `[DEMO_PRODUCT]`. */
  products?: EmulatorProduct[]
  /** Lifetime of the tokens it mints (whole seconds, at least 1). */
  tokenTtlSeconds?: number
  /**
   * Offer only what the vendor page documents: tokens that are not JWTs, `{ token }` with no `expiresAt`, no
   * `window.widgent.ready`, commands sent before `widgent:ready` dropped, no command but `setIdentityTokenFetcher`.
   */
  strict?: boolean
  /** What the widget costs a page, as a real one does: `{ scriptBytes: 300_000, startupMs: 150 }`. None by default. */
  weight?: Partial<EmulatorWeight>
  /** Enables the `/__emulator/faults` and `/__emulator/config` knobs and `DELETE /__emulator/log`. */
  faults?: boolean
}

/** What can change while the emulator runs (`configure()`, `POST /__emulator/config`): tokens minted and scripts served afterwards follow. */
export interface EmulatorSettings {
  tokenTtlSeconds: number
  strict: boolean
  weight: EmulatorWeight
}

/** What `configure()` takes: any of the settings; a weight's missing key is 0. */
export type EmulatorSettingsChanges = Partial<Omit<EmulatorSettings, 'weight'>> & { weight?: Partial<EmulatorWeight> }

/** The weight knob: what loading the widget costs a page. */
export interface EmulatorWeight {
  /** The script's size as served, padded up to this many bytes with data that does not compress away (0: as it is). */
  scriptBytes: number
  /** Main-thread time the script blocks for as it runs, in one task (ms). */
  startupMs: number
}

/** What the fault knobs can make the emulator do; see the README's "Fault knobs". */
export interface EmulatorFaults {
  script?: 'ok' | '404' | 'slow' | 'never-ready'
  /** How long a 'slow' script takes (default 5000 ms). */
  scriptDelayMs?: number
  /** The status `POST /v1/auth/user-token` answers instead of minting. */
  tokenStatus?: number
  /** How many token requests fail with `tokenStatus` before it recovers; unlimited when absent. */
  tokenFailCount?: number
  tokenDelayMs?: number
}

export interface EmulatorLog {
  tokens: Array<{
    userId: string
    name: string | null
    metadata: UserMetadata | null
    productId: string
    iat: number
    exp: number
    at: number
  }>
  messages: Array<{
    productId: string
    identity: string
    text: string
    origin: string | null
    expired: boolean
    at: number
  }>
  /** Inits the emulator accepted (`productId` and `serviceKey` checked). */
  inits: Array<{ productId: string; origin: string | null; at: number }>
  /** How many times the widget script was served. */
  scriptLoads: number
  /** Every request answered with a 4xx or 5xx. */
  rejected: Array<{ method: string; path: string; status: number; reason: string; at: number }>
}

export interface Emulator {
  /** e.g. `http://127.0.0.1:4010`, no trailing slash. */
  url: string
  /** Stops the server, ends open connections and cancels pending delays. */
  close(): Promise<void>
  /** A copy of what the emulator has seen so far. */
  log(): EmulatorLog
  /** Changes the lifetime of tokens minted from now on. */
  setTokenTtl(seconds: number): void
  /** Changes settings (the others stay) and returns them all; throws on a bad one, changing nothing. */
  configure(changes: EmulatorSettingsChanges): EmulatorSettings
}
