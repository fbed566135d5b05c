// Checkpoints, which the replicator owns while it runs (Litestream's thresholds). The WAL may only
// restart once every frame in it has been copied, so the end of every checkpoint runs under our
// write lock: no transaction can commit between copying the tail, checkpointing, and re-taking the
// read lock. The backfill itself mostly happens before, with writers running (see runCheckpoint).
// SQLite's RESTART and TRUNCATE modes need the write lock themselves, so we get their effect another
// way: PASSIVE retried until the WAL is fully backfilled, then a write that changes nothing, which
// makes SQLite restart (and with journal_size_limit = 0, truncate) the WAL at once.
import type { CheckpointMode, CheckpointResult, DatabaseHandle } from './database'
import type { CopyResult, Segment, WalFollower } from './follower'
import type { ResolvedOptions } from './options'
import { sameWal, WAL_HEADER_BYTES, walFrameBytes } from './wal'
import { readWalHeader } from './wal-file'
import { setTimeout as sleep } from 'node:timers/promises'

const BACKFILL_RETRY_DELAY_MS = 10

export type CheckpointOutcome =
  | { readonly kind: 'skipped'; readonly segments: Segment[] }
  | { readonly kind: 'done'; readonly result: CheckpointResult; readonly segments: Segment[] }
  | { readonly kind: 'lost'; readonly reason: string; readonly segments: Segment[] }

type Policy = Pick<
  ResolvedOptions,
  'minCheckpointPageCount' | 'maxCheckpointPageCount' | 'truncatePageCount' | 'checkpointIntervalMs'
>

/** Which checkpoint, if any, is due. `walFileBytes` is the -wal file's size on disk. */
export function chooseCheckpoint(
  copiedBytes: number,
  walFileBytes: number,
  pageSize: number,
  msSinceLast: number,
  policy: Policy,
): CheckpointMode | null {
  const bytesFor = (pageCount: number) => WAL_HEADER_BYTES + pageCount * walFrameBytes(pageSize)
  const pages =
    copiedBytes > WAL_HEADER_BYTES ? (copiedBytes - WAL_HEADER_BYTES) / walFrameBytes(pageSize) : 0
  if (policy.truncatePageCount > 0 && walFileBytes >= bytesFor(policy.truncatePageCount)) return 'TRUNCATE'
  if (policy.maxCheckpointPageCount > 0 && pages >= policy.maxCheckpointPageCount) return 'RESTART'
  if (policy.minCheckpointPageCount > 0 && pages >= policy.minCheckpointPageCount) return 'PASSIVE'
  if (policy.checkpointIntervalMs > 0 && msSinceLast >= policy.checkpointIntervalMs && pages > 1)
    return 'PASSIVE'
  return null
}

/**
 * Moves the read lock forward just after a no-op write, so that it holds a WAL read mark. A read
 * transaction begun on a fully checkpointed WAL reads the database file alone (SQLite's read-mark
 * slot 0); that blocks every checkpoint's backfill, and then each commit of every connection
 * rebuilds the WAL's frame index in its auto-checkpoint (we measured writes ten times slower).
 * The write lands after everything we copied, and the old read lock is held until the new one is
 * taken, so the WAL cannot restart in between; the header check below only proves it.
 */
export function refreshReadLock(
  db: DatabaseHandle,
  follower: WalFollower,
  options: ResolvedOptions,
  truncate = false,
): CopyResult {
  const before = follower.copy(options.maxSegmentBytes)
  if (before.kind === 'lost' || !db.writeNoOpFrame(truncate, options.checkpointLockTimeoutMs)) return before
  const expected = readWalHeader(db.walPath)
  db.moveReadLock()
  const now = readWalHeader(db.walPath)
  if (!expected || !now || !sameWal(expected, now))
    return { kind: 'lost', reason: 'the WAL restarted while the read lock was moved' }
  const after = follower.copy(options.maxSegmentBytes)
  return after.kind === 'lost' ? after : { kind: 'copied', segments: [...before.segments, ...after.segments] }
}

/**
 * Two phases, so that writers wait only for the end of the work:
 * 1. without the write lock: copy what is committed, move the read lock up to it, and backfill the
 *    database file up to there (the bulk of the I/O and both fsyncs);
 * 2. under the write lock: copy the few frames committed meanwhile, release the read lock, backfill
 *    them (RESTART and TRUNCATE wait for other readers here), and once the WAL is fully backfilled
 *    restart it with a no-op write.
 */
export async function runCheckpoint(
  db: DatabaseHandle,
  follower: WalFollower,
  mode: CheckpointMode,
  options: ResolvedOptions,
): Promise<CheckpointOutcome> {
  const segments: Segment[] = []
  const moved = refreshReadLock(db, follower, options)
  if (moved.kind === 'lost') return { kind: 'lost', reason: moved.reason, segments }
  segments.push(...moved.segments)
  db.checkpointPassive()

  if (!db.tryLockWrites(options.checkpointLockTimeoutMs)) return { kind: 'skipped', segments }
  let result: CheckpointResult
  try {
    const tail = follower.copy(options.maxSegmentBytes)
    if (tail.kind === 'lost') return { kind: 'lost', reason: tail.reason, segments }
    segments.push(...tail.segments)
    db.endRead()
    try {
      result = db.checkpointPassive()
      const deadline = Date.now() + options.checkpointLockTimeoutMs
      while (mode !== 'PASSIVE' && result.checkpointed < result.log && Date.now() < deadline) {
        await sleep(BACKFILL_RETRY_DELAY_MS)
        result = db.checkpointPassive()
      }
    } finally {
      db.beginRead()
    }
    // Nobody could commit meanwhile, so the WAL must be the one we copied, with nothing new in it.
    const after = follower.copy(options.maxSegmentBytes, true)
    if (after.kind === 'lost') return { kind: 'lost', reason: after.reason, segments }
    segments.push(...after.segments)
  } finally {
    db.unlockWrites()
  }
  if (result.log > 0 && result.checkpointed === result.log) {
    // Fully backfilled: restart the WAL now, and move the read lock off the database file.
    const refreshed = refreshReadLock(db, follower, options, mode === 'TRUNCATE')
    if (refreshed.kind === 'lost') return { kind: 'lost', reason: refreshed.reason, segments }
    segments.push(...refreshed.segments)
  }
  return { kind: 'done', result, segments }
}
