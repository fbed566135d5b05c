// What the API handlers need, passed in rather than imported, so tests can run the real
// handlers against their own database file. `serverDeps()` is the running server's set.
import 'server-only'
import { auth, type Auth } from '@/lib/auth/auth'
import type { Caller } from '@/lib/auth/caller'
import { clientIp, getCaller } from '@/lib/auth/request-caller'
import { commentPolicyFromEnv, type CommentPolicy } from '@/lib/comments/policy'
import { prisma } from '@/lib/db'
import type { PrismaClient } from '@/lib/generated/prisma/client'

export interface ApiDeps {
  db: PrismaClient
  auth: Auth
  policy: CommentPolicy
}

export function serverDeps(): ApiDeps {
  return { db: prisma(), auth: auth(), policy: commentPolicyFromEnv() }
}

export interface RequestContext {
  caller: Caller | null
  ip: string
}

export async function requestContext(deps: ApiDeps, headers: Headers): Promise<RequestContext> {
  return { caller: await getCaller(deps.db, deps.auth, headers), ip: clientIp(headers) }
}
