// The hosts' status page (/studio/status): the database engine, the primary and this node's
// replica lag, and the S3 replication of a file database; the same facts /api/health gives probes.
import 'server-only'
import { authorize } from '@/lib/auth/policy'
import { databaseHealth, type DatabaseHealth } from '@/lib/db/database-health'
import type { OperationContext } from '@/lib/operations/context'
import { replicationHealth, type ReplicationHealth } from '@/lib/replication/health'
import { ok, type Result } from '@/lib/result'

export interface ServerStatus {
  database: DatabaseHealth
  replication: ReplicationHealth
  checkedAtMs: number
}

export function serverStatus(ctx: OperationContext): Result<ServerStatus> {
  const caller = authorize(ctx.caller, 'edit-transcripts')
  if (!caller.ok) return caller
  return ok({ database: databaseHealth(), replication: replicationHealth(), checkedAtMs: Date.now() })
}
