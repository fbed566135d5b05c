// A replicator in its own process, for the SIGKILL test: node --import tsx replicator-child.ts
// Reads DATABASE_PATH, REPLICA_URL and S3_ENDPOINT; syncs every 50 ms; SIGTERM stops it cleanly.
import { createReplicator } from '../../lib/replication/replicator'
import { openStore } from '../../lib/replication/store'

const databasePath = process.env.DATABASE_PATH
const replicaUrl = process.env.REPLICA_URL
if (!databasePath || !replicaUrl) throw new Error('DATABASE_PATH and REPLICA_URL are required')
const store = openStore(replicaUrl, {
  endpoint: process.env.S3_ENDPOINT,
  accessKeyId: 'test',
  secretAccessKey: 'test',
  requestTimeoutMs: 2_000,
})
const replicator = createReplicator({
  databasePath,
  store,
  syncIntervalMs: 50,
  checkpointIntervalMs: 0,
  retentionMs: 0,
  retryInitialDelayMs: 50,
})
await replicator.start()
process.on('SIGTERM', () => {
  void replicator.stop().then(() => process.exit(0))
})
