// Refusals at the edge (proxy.ts), before any route, page or server action runs:
// - methods no route answers (TRACE, PROPFIND, …) get 405 instead of whatever a page makes of them;
// - a server action or form post from another origin gets 403 (Next's own check would throw: 500);
// - an API write that carries the session cookie must name this site in Origin (403 otherwise).
//   Bearer-token calls are exempt: a browser never attaches a token by itself. docs/api.md
// "This site" is the configured public origin (BETTER_AUTH_URL or http://HOST:PORT), never a
// Host or X-Forwarded-Host header, which whoever sends the request writes.
import { NextResponse } from 'next/server'
import { failureMessage, failureStatus } from '@/lib/failures'
import { ALLOWED_METHODS, isAllowedMethod, methodNotAllowedMessage } from '@/lib/http/methods'
import type { Failure } from '@/lib/result'

const WRITE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE'])

/** better-auth's session cookie (`__Secure-` when the public URL is https). */
const SESSION_COOKIE = /(?:^|;\s*)(?:__Secure-)?better-auth\.session_token=/

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]'])

/**
 * Whether an Origin header names this site. In development a loopback alias on the same port
 * (localhost for 127.0.0.1) counts too, so `npm run dev` works whichever one the browser shows.
 */
export function isOurOrigin(
  origin: string | null,
  publicOrigin: string,
  development = process.env.NODE_ENV === 'development',
): boolean {
  if (!origin) return false
  if (origin === publicOrigin) return true
  if (!development) return false
  try {
    const theirs = new URL(origin)
    const ours = new URL(publicOrigin)
    return (
      theirs.protocol === ours.protocol &&
      theirs.port === ours.port &&
      LOOPBACK_HOSTS.has(theirs.hostname) &&
      LOOPBACK_HOSTS.has(ours.hostname)
    )
  } catch {
    return false
  }
}

export interface GuardedRequest {
  method: string
  pathname: string
  headers: Headers
}

/** The refusal for a request that must not reach the app, or null to let it through. */
export function edgeRefusal(request: GuardedRequest, publicOrigin: string): NextResponse | null {
  const method = request.method.toUpperCase()
  if (!isAllowedMethod(method)) {
    return NextResponse.json(
      { error: methodNotAllowedMessage(method) },
      { status: 405, headers: { Allow: ALLOWED_METHODS.join(', ') } },
    )
  }
  if (!WRITE_METHODS.has(method)) return null
  const origin = request.headers.get('origin')
  if (isOurOrigin(origin, publicOrigin)) return null
  const isApi = request.pathname === '/api' || request.pathname.startsWith('/api/')
  if (!isApi) {
    // Pages take POSTs only as server actions (with a Next-Action header, or a no-script form
    // post). From another site they are cross-site request forgery; without any Origin only a
    // non-browser client can be calling, and it gets the same refusal when it names an action.
    if (origin !== null || request.headers.has('next-action'))
      return refusal({ error: 'forbidden', message: 'Forms of this site can only be sent from this site.' })
    return null
  }
  const cookieAuthenticated =
    !request.headers.has('authorization') && SESSION_COOKIE.test(request.headers.get('cookie') ?? '')
  if (!cookieAuthenticated) return null
  return refusal({
    error: 'forbidden',
    message:
      'A request signed in with the session cookie must come from this site (an Origin header naming it); ' +
      'scripts should use an API token (Authorization: Bearer).',
  })
}

function refusal(failure: Failure): NextResponse {
  return NextResponse.json({ error: failureMessage(failure) }, { status: failureStatus(failure) })
}
