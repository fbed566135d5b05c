// Durable acknowledgement for new comments (issue #4, item 7): when REPLICA_URL is set, creating
// a comment answers only once the replicator (a sidecar process, docs/decisions/0004) reports
// that everything committed before now is in the bucket. A timeout, or no replicator running,
// is a clear failure (503), not a silent success: the comment stays saved locally and follows
// when replication catches up. COMMENT_DURABILITY=local turns the wait off.
import 'server-only'
import { databaseEngine } from '@/lib/db/engine'
import { env } from '@/lib/env'
// The durable module alone: the replication index would pull the S3 client into the web bundle.
import { waitUntilDurable } from '@/lib/replication/durable'

export type DurableOutcome = { ok: true } | { ok: false; waitedMs: number }

export async function awaitDurable(): Promise<DurableOutcome> {
  // Litestream-format replication streams a database file; on a libSQL server a comment is
  // durable once sqld committed it (docs/decisions/0022).
  const engine = databaseEngine(env)
  if (!env.REPLICA_URL || engine.kind !== 'file' || env.COMMENT_DURABILITY === 'local') return { ok: true }
  const result = await waitUntilDurable(engine.path, {
    timeoutMs: env.COMMENT_DURABLE_TIMEOUT_MS,
  })
  return result.durable ? { ok: true } : { ok: false, waitedMs: result.waitedMs }
}
