// Every tunable of the replicator, with its default. Times are integer milliseconds, sizes bytes
// or SQLite pages, as each name says. Defaults follow Litestream v0.3 where it has one.
import type { Logger } from './log'
import type { ReplicaStore } from './store'

/** Time between sync steps (copy new WAL frames, upload them), in ms. Litestream: 1 s. Must be > 0. */
export const DEFAULT_SYNC_INTERVAL_MS = 1_000
/** Time between snapshots of the current generation, in ms. 0 = only the snapshots that new generations and retention take (Litestream's default). */
export const DEFAULT_SNAPSHOT_INTERVAL_MS = 0
/** How long history is kept for point-in-time restore, in ms. 0 = keep everything (no retention). */
export const DEFAULT_RETENTION_MS = 24 * 60 * 60 * 1_000
/** Time between retention checks, in ms. 0 = check only when retention is due at start-up. */
export const DEFAULT_RETENTION_CHECK_INTERVAL_MS = 60 * 60 * 1_000
/** Time after which a PASSIVE checkpoint runs even on a small WAL, in ms. 0 = never by time. */
export const DEFAULT_CHECKPOINT_INTERVAL_MS = 60_000
/** WAL size, in pages, that triggers a PASSIVE checkpoint after a sync. 0 = never by size. */
export const DEFAULT_MIN_CHECKPOINT_PAGE_COUNT = 1_000
/** WAL size, in pages, at which the checkpoint waits for readers so the WAL restarts. 0 = never. */
export const DEFAULT_MAX_CHECKPOINT_PAGE_COUNT = 10_000
/** WAL file size, in pages, that triggers a TRUNCATE checkpoint. 0 = never. */
export const DEFAULT_TRUNCATE_PAGE_COUNT = 500_000
/** How long a checkpoint waits for the write lock and for readers, in ms. 0 = do not wait. */
export const DEFAULT_CHECKPOINT_LOCK_TIMEOUT_MS = 1_000
/** Largest WAL segment object when catching up, in bytes (uncompressed); one transaction is never split. */
export const DEFAULT_MAX_SEGMENT_BYTES = 64 * 1024 * 1024
/** Delay before the first retry after a failed sync, in ms; it doubles on each failure. */
export const DEFAULT_RETRY_INITIAL_DELAY_MS = 1_000
/** Longest delay between retries, in ms. */
export const DEFAULT_RETRY_MAX_DELAY_MS = 30_000
/** How long stop() keeps retrying its final sync, in ms. 0 = a single attempt. */
export const DEFAULT_STOP_TIMEOUT_MS = 10_000
/**
 * Time between checks that the replica still holds the current generation's newest snapshot (one
 * HEAD request), in ms. A replica that lost it (bucket emptied, deleted and recreated, folder
 * wiped) cannot be restored, so a new generation starts, snapshot first. The same check also runs
 * on the first sync after a failed one and before every durable acknowledgement, whatever this
 * says; the interval bounds how long a loss goes unnoticed while nobody waits for one. 60 s costs
 * 1,440 HEADs a day (about $0.02 a month on AWS) and nothing on the writer's side. 0 = only then.
 */
export const DEFAULT_REPLICA_CHECK_INTERVAL_MS = 60_000

export interface ReplicatorOptions {
  /** Path of the SQLite database file (it must exist). */
  readonly databasePath: string
  readonly store: ReplicaStore
  readonly syncIntervalMs?: number
  readonly snapshotIntervalMs?: number
  readonly retentionMs?: number
  readonly retentionCheckIntervalMs?: number
  readonly checkpointIntervalMs?: number
  readonly minCheckpointPageCount?: number
  readonly maxCheckpointPageCount?: number
  readonly truncatePageCount?: number
  readonly checkpointLockTimeoutMs?: number
  readonly maxSegmentBytes?: number
  readonly retryInitialDelayMs?: number
  readonly retryMaxDelayMs?: number
  readonly stopTimeoutMs?: number
  readonly replicaCheckIntervalMs?: number
  readonly logger?: Logger
}

export type ResolvedOptions = Required<Omit<ReplicatorOptions, 'logger'>> & { readonly logger: Logger }

function nonNegativeInteger(name: string, value: number | undefined, fallback: number): number {
  const v = value ?? fallback
  if (!Number.isInteger(v) || v < 0)
    throw new Error(`replicator option ${name} must be a non-negative integer, got ${v}`)
  return v
}

export function resolveOptions(options: ReplicatorOptions, logger: Logger): ResolvedOptions {
  const syncIntervalMs = nonNegativeInteger(
    'syncIntervalMs',
    options.syncIntervalMs,
    DEFAULT_SYNC_INTERVAL_MS,
  )
  if (syncIntervalMs === 0) throw new Error('replicator option syncIntervalMs must be greater than 0')
  return {
    databasePath: options.databasePath,
    store: options.store,
    logger: options.logger ?? logger,
    syncIntervalMs,
    snapshotIntervalMs: nonNegativeInteger(
      'snapshotIntervalMs',
      options.snapshotIntervalMs,
      DEFAULT_SNAPSHOT_INTERVAL_MS,
    ),
    retentionMs: nonNegativeInteger('retentionMs', options.retentionMs, DEFAULT_RETENTION_MS),
    retentionCheckIntervalMs: nonNegativeInteger(
      'retentionCheckIntervalMs',
      options.retentionCheckIntervalMs,
      DEFAULT_RETENTION_CHECK_INTERVAL_MS,
    ),
    checkpointIntervalMs: nonNegativeInteger(
      'checkpointIntervalMs',
      options.checkpointIntervalMs,
      DEFAULT_CHECKPOINT_INTERVAL_MS,
    ),
    minCheckpointPageCount: nonNegativeInteger(
      'minCheckpointPageCount',
      options.minCheckpointPageCount,
      DEFAULT_MIN_CHECKPOINT_PAGE_COUNT,
    ),
    maxCheckpointPageCount: nonNegativeInteger(
      'maxCheckpointPageCount',
      options.maxCheckpointPageCount,
      DEFAULT_MAX_CHECKPOINT_PAGE_COUNT,
    ),
    truncatePageCount: nonNegativeInteger(
      'truncatePageCount',
      options.truncatePageCount,
      DEFAULT_TRUNCATE_PAGE_COUNT,
    ),
    checkpointLockTimeoutMs: nonNegativeInteger(
      'checkpointLockTimeoutMs',
      options.checkpointLockTimeoutMs,
      DEFAULT_CHECKPOINT_LOCK_TIMEOUT_MS,
    ),
    maxSegmentBytes: nonNegativeInteger(
      'maxSegmentBytes',
      options.maxSegmentBytes,
      DEFAULT_MAX_SEGMENT_BYTES,
    ),
    retryInitialDelayMs: nonNegativeInteger(
      'retryInitialDelayMs',
      options.retryInitialDelayMs,
      DEFAULT_RETRY_INITIAL_DELAY_MS,
    ),
    retryMaxDelayMs: nonNegativeInteger(
      'retryMaxDelayMs',
      options.retryMaxDelayMs,
      DEFAULT_RETRY_MAX_DELAY_MS,
    ),
    stopTimeoutMs: nonNegativeInteger('stopTimeoutMs', options.stopTimeoutMs, DEFAULT_STOP_TIMEOUT_MS),
    replicaCheckIntervalMs: nonNegativeInteger(
      'replicaCheckIntervalMs',
      options.replicaCheckIntervalMs,
      DEFAULT_REPLICA_CHECK_INTERVAL_MS,
    ),
  }
}
