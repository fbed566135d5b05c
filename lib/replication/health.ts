// What /api/health says about replication, read from the status file the replicator sidecar
// publishes (lib/replication/status.ts). Only the small status modules are imported, so the web
// bundle does not carry the S3 client.
import 'server-only'
import { databaseEngine } from '@/lib/db/engine'
import { env } from '@/lib/env'
import { readStatusFile, replicatorIsLive } from '@/lib/replication/status'
import { statePaths } from '@/lib/replication/state-dir'

export type ReplicationHealth =
  | { configured: false }
  | { configured: true; running: false; problem: string }
  | {
      configured: true
      running: true
      state: string
      generation: string | null
      lastSyncAtMs: number | null
      replicationLagMs: number | null
      uploadedBytes: number
      uploadedObjects: number
      pendingObjects: number
      lastError: string | null
    }

export function replicationHealth(): ReplicationHealth {
  // Replication streams a database file: a libSQL server has none (docs/decisions/0022).
  const engine = databaseEngine(env)
  if (!env.REPLICA_URL || engine.kind !== 'file') return { configured: false }
  let status
  try {
    status = readStatusFile(statePaths(engine.path))
  } catch (error) {
    return { configured: true, running: false, problem: (error as Error).message }
  }
  if (!status || !replicatorIsLive(status)) {
    return { configured: true, running: false, problem: 'no replicator is running (npm run replicate)' }
  }
  return {
    configured: true,
    running: true,
    state: status.state,
    generation: status.generation,
    lastSyncAtMs: status.lastSyncAtMs,
    replicationLagMs: status.replicationLagMs,
    uploadedBytes: status.uploadedBytes,
    uploadedObjects: status.uploadedObjects,
    pendingObjects: status.pendingObjects,
    lastError: status.lastError,
  }
}
