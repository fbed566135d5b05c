// What /api/health and the hosts' status page (/studio/status) say about the database: which
// engine, which primary, and, on an embedded-replica node, how far behind its replica is.
// docs/decisions/0023-embedded-replicas-and-consistency.md
import 'server-only'
import { describeEngine } from '@/lib/db/engine'
import { primaryHttpBase, processReplica, type ReplicaStatus } from '@/lib/db/embedded-replica'
import { engine } from '@/lib/env'

export type DatabaseHealth =
  | { engine: 'file'; description: string }
  | {
      engine: 'libsql'
      description: string
      /** The primary's URL without credentials. */
      primary: string
      /** This process's embedded replica (LIBSQL_REPLICA_PATH in a web process), or null: reads go to the primary. */
      replica: ReplicaStatus | null
    }

export function databaseHealth(): DatabaseHealth {
  const description = describeEngine(engine)
  if (engine.kind === 'file') return { engine: 'file', description }
  return {
    engine: 'libsql',
    description,
    primary: primaryHttpBase(engine.url),
    replica: processReplica()?.status() ?? null,
  }
}
