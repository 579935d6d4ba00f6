import { NextResponse, type NextRequest } from 'next/server'
import { LAUNCHER_HEADER } from './app/launcher'

// A layout never sees the query string: this passes the page's ?launcher= to app/layout.tsx as a request header, so
// the provider it renders can take load: 'interaction' for the playground's Eager / Facade switch.
export function proxy(request: NextRequest) {
  const headers = new Headers(request.headers)
  headers.set(LAUNCHER_HEADER, request.nextUrl.search)
  return NextResponse.next({ request: { headers } })
}

export const config = { matcher: '/' }
