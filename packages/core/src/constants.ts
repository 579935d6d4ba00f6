/** The vendor's widget script. */
export const DEFAULT_SCRIPT_URL = 'https://cdn.widgent.app/widget.js'
/** One try at the script's load and `widgent:ready`. */
export const DEFAULT_LOAD_TIMEOUT_MS = 15_000
/** One try at a token request; also how long the widget's call to the fetcher waits for it. */
export const DEFAULT_TOKEN_TIMEOUT_MS = 10_000
/** How long the widget's call to the fetcher waits for auth to settle. */
export const DEFAULT_AUTH_TIMEOUT_MS = 10_000
/** How long a token of unknown expiry (not a JWT) is reused. */
export const DEFAULT_TOKEN_MAX_AGE_MS = 60_000
/** Tries per load or token request, the first included. */
export const MAX_TRIES = 3
/** The Trusted Types policy the script URL goes through: a strict CSP names it (`trusted-types widgent`). */
export const TRUSTED_TYPES_POLICY = 'widgent'
/** The first automatic try after a failure that may get better; each further one waits twice as long, up to the cap. */
export const RECOVERY_DELAY_MS = 5_000
export const MAX_RECOVERY_DELAY_MS = 300_000
/** Returning to the page tries again only when the last try started at least this long ago. */
export const RECOVERY_MIN_GAP_MS = 5_000
/** `load: 'idle'` waits for this many idle periods in a row of at least IDLE_PERIOD_MS each: the page has gone quiet. */
export const IDLE_PERIODS = 3
export const IDLE_PERIOD_MS = 40
/** ...but no longer than this, so a page that never goes quiet still gets its widget. */
export const IDLE_MAX_WAIT_MS = 10_000
/**
 * After another tab changed the session (signed out, switched user), how long the widget stays anonymous while this
 * tab's own auth catches up, before the kit asks its token route: a sign-out then ends with no request and no 401.
 */
export const SESSION_SETTLE_MS = 3_000
/** How long a tab that needs a token waits for another tab of the origin to share one, before it asks its own route. */
export const TAB_ANSWER_MS = 50
