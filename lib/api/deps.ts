// What the API handlers need, passed in rather than imported, so tests can run the real
// handlers against their own database file. `serverDeps()` is the running server's set.
import 'server-only'
import { auth, type Auth } from '@/lib/auth/auth'
import { clientIp, getCaller } from '@/lib/auth/request-caller'
import { commentPolicyFromEnv } from '@/lib/comments/policy'
import { prisma, sqlite } from '@/lib/db/client'
import type { DataHandles, OperationContext } from '@/lib/operations/context'

export interface ApiDeps extends DataHandles {
  auth: Auth
}

export function serverDeps(): ApiDeps {
  return { db: prisma(), sqlite: sqlite(), auth: auth(), policy: commentPolicyFromEnv() }
}

/** The operation context of one API request: its caller (token or cookie) and address. */
export async function requestContext(deps: ApiDeps, request: Request): Promise<OperationContext> {
  return {
    db: deps.db,
    sqlite: deps.sqlite,
    policy: deps.policy,
    caller: await getCaller(deps.db, deps.auth, request.headers),
    ip: clientIp(request.headers),
  }
}
