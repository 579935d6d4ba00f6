import type { IncomingMessage } from 'node:http'
import { HttpError } from './HttpError'

/** Request bodies larger than this are refused with 413. */
export const MAX_BODY_BYTES = 16 * 1024

/** Reads a JSON object body, refusing oversized (413) and malformed or non-object (400) ones. */
export async function readJsonBody(req: IncomingMessage): Promise<Record<string, unknown>> {
  const tooLarge = () =>
    new HttpError(413, `The request body is over ${MAX_BODY_BYTES} bytes: send less metadata.`, undefined, {
      Connection: 'close',
    })
  if (Number(req.headers['content-length']) > MAX_BODY_BYTES) throw tooLarge()
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length
    if (size > MAX_BODY_BYTES) throw tooLarge()
    chunks.push(chunk)
  }
  let body: unknown
  try {
    body = JSON.parse(Buffer.concat(chunks).toString('utf8'))
  } catch {
    throw new HttpError(
      400,
      'The request body is not valid JSON: send a JSON object with Content-Type: application/json.',
    )
  }
  if (!body || typeof body != 'object' || Array.isArray(body))
    throw new HttpError(400, 'The request body must be a JSON object.')
  return body as Record<string, unknown>
}
