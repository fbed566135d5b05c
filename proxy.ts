// Next's request proxy (the former middleware): refuses what must not reach the app (odd
// methods, cross-site form posts and cookie-authenticated API writes: lib/http/request-guards.ts),
// gives every page request a fresh CSP nonce and sets the security headers of
// lib/http/security-headers.ts on every response. Pages are rendered per request (the layout
// reads the session), so each render gets its own nonce.
import { NextResponse, type NextRequest } from 'next/server'
import { env, publicUrl } from '@/lib/env'
import { edgeRefusal } from '@/lib/http/request-guards'
import { contentSecurityPolicy, NON_PAGE_CSP, STATIC_SECURITY_HEADERS } from '@/lib/http/security-headers'

const PUBLIC_ORIGIN = new URL(publicUrl(env)).origin

/** A path that cannot be decoded (`/episodes/%ff`) names nothing: 400 here, not a 500 in a page. */
function isDecodablePath(pathname: string): boolean {
  try {
    decodeURIComponent(pathname)
    return true
  } catch {
    return false
  }
}

function withSecurityHeaders(response: NextResponse, csp: string): NextResponse {
  response.headers.set('Content-Security-Policy', csp)
  for (const [name, value] of Object.entries(STATIC_SECURITY_HEADERS)) response.headers.set(name, value)
  return response
}

export function proxy(request: NextRequest) {
  const refused = edgeRefusal(
    { method: request.method, pathname: request.nextUrl.pathname, headers: request.headers },
    PUBLIC_ORIGIN,
  )
  if (refused) return withSecurityHeaders(refused, NON_PAGE_CSP)
  if (!isDecodablePath(request.nextUrl.pathname))
    return withSecurityHeaders(
      NextResponse.json({ error: 'The path is not valid percent-encoded UTF-8.' }, { status: 400 }),
      NON_PAGE_CSP,
    )
  const isPage =
    !request.nextUrl.pathname.startsWith('/api/') && !/\.[a-z0-9]+$/i.test(request.nextUrl.pathname)
  const nonce = btoa(crypto.randomUUID())
  const csp = isPage ? contentSecurityPolicy(nonce, process.env.NODE_ENV === 'development') : NON_PAGE_CSP
  const requestHeaders = new Headers(request.headers)
  if (isPage) requestHeaders.set('Content-Security-Policy', csp)
  return withSecurityHeaders(NextResponse.next({ request: { headers: requestHeaders } }), csp)
}

export const config = {
  // Static build output is immutable and carries no user content; everything else is covered,
  // but for episode audio: Next would buffer a whole upload in memory before a proxy runs, so
  // that route streams it itself and applies these checks and headers there
  // (lib/api/studio-api.ts putAudioHandler, withApiHeaders). Only a slug of plain characters
  // skips the proxy; anything else (`%ff`) still gets its 400 here.
  matcher: ['/((?!_next/static|_next/image|api/episodes/[a-z0-9-]+/audio$).*)'],
}
