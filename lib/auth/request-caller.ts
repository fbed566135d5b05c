// Resolving the caller of a request: `Authorization: Bearer <token>` first (scripts, API
// clients), else the session cookie. Route handlers and server actions both come here, and
// every mutation calls it again rather than trusting anything the client sent.
import 'server-only'
import { getCallerByApiToken } from '@/lib/auth/api-tokens'
import type { Auth } from '@/lib/auth/auth'
import {
  addressLimitKey,
  CLIENT_ADDRESS_HEADER,
  normalizeAddress,
  UNKNOWN_ADDRESS,
} from '@/lib/http/client-address'
import { isOurOrigin } from '@/lib/http/request-guards'
import { CALLER_SELECT, type Caller } from '@/lib/auth/caller'
import { parseRole } from '@/lib/auth/roles'
import type { PrismaClient } from '@/lib/generated/prisma/client'

export async function getCaller(
  db: PrismaClient,
  authInstance: Auth,
  headers: Headers,
): Promise<Caller | null> {
  const authorization = headers.get('authorization')
  if (authorization) {
    const match = /^Bearer\s+(\S+)$/i.exec(authorization.trim())
    return match?.[1] ? getCallerByApiToken(db, match[1]) : null
  }
  if (isCrossSite(headers, new URL(authInstance.options.baseURL ?? '').origin)) return null
  const session = await authInstance.api.getSession({ headers })
  if (!session) return null
  // Re-read the row: role and ban may have changed since the session was cached.
  const user = await db.user.findUnique({ where: { id: session.user.id }, select: CALLER_SELECT })
  return user ? { ...user, role: parseRole(user.role) } : null
}

/**
 * A request whose Origin names another site never rides on the session cookie. SameSite=Lax
 * already keeps the cookie off cross-site POSTs; this also covers old browsers and GET-less
 * tricks. "Our" origin is the configured public one (the auth instance's base URL, from
 * BETTER_AUTH_URL or http://HOST:PORT), never Host or X-Forwarded-Host, which the client
 * writes. A write with the cookie but without any Origin is refused earlier, in proxy.ts.
 */
function isCrossSite(headers: Headers, ourOrigin: string): boolean {
  const origin = headers.get('origin')
  return origin !== null && !isOurOrigin(origin, ourOrigin)
}

/**
 * The client's address for per-address limits, as the web server resolved it from the socket
 * (and TRUST_PROXY_HOPS) into CLIENT_ADDRESS_HEADER; "unknown" when no such server ran
 * (`next dev`), so every client shares one bucket there rather than naming its own.
 */
export function clientIp(headers: Headers): string {
  return addressLimitKey(normalizeAddress(headers.get(CLIENT_ADDRESS_HEADER) ?? undefined) ?? UNKNOWN_ADDRESS)
}
