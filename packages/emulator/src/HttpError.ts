/** A request the emulator refuses: answered as `{ error, field? }` with this status, and logged as rejected. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly field?: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message)
  }
}
