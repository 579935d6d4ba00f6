// `better-auth/node` (not installed here): its `fromNodeHeaders`, as better-auth types it.
import type { IncomingHttpHeaders } from 'node:http'

export declare function fromNodeHeaders(headers: IncomingHttpHeaders): Headers
