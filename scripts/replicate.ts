// npm run replicate: streams the database (DATABASE_URL) to the replica (REPLICA_URL) until
// SIGTERM or SIGINT, then does a final sync and exits. Settings: lib/replication/config.ts.
import {
  consoleLogger,
  createReplicator,
  describeError,
  parseReplicationEnv,
  replicatorOptionsFromConfig,
  storeFromConfig,
} from '../lib/replication'
import { skippedOnServerEngine } from './lib/file-engine-only'

async function main(): Promise<number> {
  if (skippedOnServerEngine('replication')) return 0
  const config = parseReplicationEnv(process.env)
  if (!config.replicaUrl) {
    consoleLogger.info('REPLICA_URL is not set: nothing replicates')
    return 0
  }
  const replicator = createReplicator(
    replicatorOptionsFromConfig(config, storeFromConfig(config), consoleLogger),
  )
  await replicator.start()
  await new Promise<void>((resolve) => {
    process.once('SIGTERM', resolve)
    process.once('SIGINT', resolve)
  })
  consoleLogger.info('stopping: final sync')
  // Non-zero unless the final sync reached the replica: a run that never could (wrong
  // credentials, no bucket) must not look like a clean stop to a supervisor.
  const synced = await replicator.stop()
  return synced && replicator.status().pendingObjects === 0 ? 0 : 1
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(describeError(error))
    process.exit(1)
  },
)
