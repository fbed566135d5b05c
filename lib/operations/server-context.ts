// The operation context of the current server action or page render, from Next's request.
import 'server-only'
import { getCurrentCaller, currentClientIp } from '@/lib/auth/session'
import { commentPolicyFromEnv } from '@/lib/comments/policy'
import { prisma, sqlite } from '@/lib/db/client'
import type { OperationContext } from '@/lib/operations/context'

export async function currentContext(): Promise<OperationContext> {
  return {
    db: prisma(),
    sqlite: sqlite(),
    policy: commentPolicyFromEnv(),
    caller: await getCurrentCaller(),
    ip: await currentClientIp(),
  }
}
