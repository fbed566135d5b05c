// Public surface of lib/replication: Litestream-compatible replication of one SQLite database to
// S3-compatible storage or a folder, and restore from it. No Next.js or Prisma in here.
export { createReplicator, type Replicator } from './replicator'
export * from './options'
export { restore, restoreIfMissing, type RestoreOptions, type RestoreResult, RestoreError } from './restore'
export {
  openStore,
  parseReplicaUrl,
  type ReplicaStore,
  type StoredObject,
  type ReplicaLocation,
} from './store'
export {
  waitUntilDurable,
  monotonicNowUs,
  DEFAULT_DURABLE_TIMEOUT_MS,
  type DurableResult,
  type DurableWaitOptions,
} from './durable'
export { readStatusFile, type ReplicationStatus, type PublishedStatus } from './status'
export { statePaths } from './state-dir'
export { listReplica, type ReplicaListing, type GenerationInfo } from './listing'
export { formatPosition, GENERATION_ID_PATTERN, type Position } from './position'
export { consoleLogger, describeError, silentLogger, type Logger } from './log'
export {
  parseReplicationEnv,
  replicatorOptionsFromConfig,
  storeFromConfig,
  type ReplicationConfig,
} from './config'
