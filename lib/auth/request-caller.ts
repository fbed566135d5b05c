// Resolving the caller of a request: `Authorization: Bearer <token>` first (scripts, API
// clients), else the session cookie. Route handlers and server actions both come here, and
// every mutation calls it again rather than trusting anything the client sent.
import 'server-only'
import { getCallerByApiToken } from '@/lib/auth/api-tokens'
import type { Auth } from '@/lib/auth/auth'
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
  if (isCrossSite(headers)) return null
  const session = await authInstance.api.getSession({ headers })
  if (!session) return null
  // Re-read the row: role and ban may have changed since the session was cached.
  const user = await db.user.findUnique({ where: { id: session.user.id }, select: CALLER_SELECT })
  return user ? { ...user, role: parseRole(user.role) } : null
}

/**
 * A request whose Origin names another site never rides on the session cookie. SameSite=Lax
 * already keeps the cookie off cross-site POSTs; this also covers old browsers and GET-less
 * tricks. Requests without an Origin (curl, server-side) are judged by the cookie alone.
 */
function isCrossSite(headers: Headers): boolean {
  const origin = headers.get('origin')
  const host = headers.get('x-forwarded-host') ?? headers.get('host')
  if (!origin || !host || origin === 'null') return origin === 'null'
  try {
    return new URL(origin).host !== host
  } catch {
    return true
  }
}

/**
 * The client's address for per-IP limits: the first X-Forwarded-For hop, else "unknown".
 * `next start` sets the header from the socket only when absent, so a deployment must sit
 * behind a proxy that overwrites it (docs/decisions/0005).
 */
export function clientIp(headers: Headers): string {
  const forwarded = headers.get('x-forwarded-for')?.split(',')[0]?.trim()
  // Bounded: it becomes part of a rate-limit key.
  return (forwarded || headers.get('x-real-ip')?.trim() || 'unknown').slice(0, 64)
}
