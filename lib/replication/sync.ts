// One sync step, as Litestream's DB.Sync + Replica.Sync: upload what is queued, copy newly
// committed WAL frames into segments and upload them, checkpoint when due, then snapshots and
// retention. Continuity lost anywhere means a new generation, whose snapshot is queued first, and
// so does a replica that lost the generation's snapshot (checkReplica).
import { chooseCheckpoint, refreshReadLock, runCheckpoint } from './checkpoint'
import type { CheckpointMode, DatabaseHandle } from './database'
import { type Segment, WalFollower } from './follower'
import { listReplica } from './listing'
import type { ResolvedOptions } from './options'
import { formatPosition, newGenerationId, type Position } from './position'
import { enforceRetention } from './retention'
import { decideResume } from './resume'
import { type QueuedObject, Shipper } from './shipper'
import { takeSnapshot } from './snapshot'
import type { StatePaths } from './state-dir'
import { statSync } from 'node:fs'

/** How long to wait before trying again when readers kept the WAL from restarting for a snapshot. */
const SNAPSHOT_RETRY_DELAY_MS = 30_000

export class SyncEngine {
  readonly shipper = new Shipper((object) => this.onShipped(object))
  private follower: WalFollower | null = null
  /** Everything before this position is in the replica. */
  shipped: Position | null = null
  /**
   * The current generation's newest snapshot in the replica (what a restore of the latest state
   * starts from); null while the new generation's first snapshot is still queued.
   */
  private snapshotKey: string | null = null
  private lastSnapshotAtMs = 0
  /** Where the WAL stood at the last snapshot: an interval with no commit since takes none. */
  private lastSnapshotAt: { index: number; offset: number } | null = null
  private lastCheckpoint = { atMs: Date.now(), index: -1, offset: -1 }
  private lastRetentionAtMs = Date.now()
  private nextSnapshotAttemptAtMs = 0

  constructor(
    private readonly db: DatabaseHandle,
    private readonly paths: StatePaths,
    private readonly options: ResolvedOptions,
  ) {}

  get generation(): string | null {
    return this.follower?.position.generation ?? null
  }

  /** One sync step; with `checkReplicaFirst`, checks the replica (checkReplica) before uploading. */
  async step(options: { checkReplicaFirst?: boolean } = {}): Promise<void> {
    const { store } = this.options
    if (!this.follower) await this.initialize()
    else if (options.checkReplicaFirst) await this.checkReplica('before uploading')
    await this.shipper.flush(store)
    await this.copy()
    await this.shipper.flush(store)
    await this.maybeCheckpoint()
    await this.shipper.flush(store)
    await this.maybeSnapshot()
    await this.maybeRetention()
  }

  private async initialize(): Promise<void> {
    const decision = await decideResume(this.options.store, this.db.walPath)
    if (decision.kind === 'new-generation') return this.startGeneration(decision.reason)
    const { state } = decision
    this.follower = new WalFollower(this.db.walPath, state, true)
    const tail = this.follower.copy(this.options.maxSegmentBytes, true)
    const refreshed = tail.kind === 'lost' ? tail : refreshReadLock(this.db, this.follower, this.options)
    if (refreshed.kind === 'lost') return this.startGeneration(`${refreshed.reason} while resuming`)
    this.shipped = { generation: state.generation, index: state.index, offset: state.offset }
    this.lastSnapshotAtMs = decision.lastSnapshotAtMs
    this.snapshotKey = decision.lastSnapshotKey
    this.options.logger.info(`resuming generation ${state.generation} at ${formatPosition(this.shipped)}`)
    if (tail.kind === 'copied') this.queue(tail.segments)
    this.queue(refreshed.segments)
  }

  /** Abandons the current generation and starts another: snapshot first, then WAL from offset 0. */
  private async startGeneration(reason: string): Promise<void> {
    const generation = newGenerationId()
    this.options.logger.info(`starting generation ${generation}: ${reason}`)
    this.shipper.clear()
    this.snapshotKey = null
    // A fresh read lock, taken after a no-op write so it holds a WAL read mark (see refreshReadLock).
    this.db.writeNoOpFrame(false, this.options.checkpointLockTimeoutMs)
    this.db.moveReadLock()
    const snapshot = await takeSnapshot(this.db, this.paths.snapshotScratch)
    this.shipper.queueSnapshot(generation, 0, snapshot.body)
    this.lastSnapshotAtMs = Date.now()
    this.follower = new WalFollower(
      this.db.walPath,
      { generation, index: 0, offset: 0, header: null, checksum: [0, 0] },
      false,
    )
    const first = this.follower.copy(this.options.maxSegmentBytes)
    if (first.kind === 'lost') throw new Error(`new generation ${generation}: ${first.reason}`)
    this.queue(first.segments)
    this.lastSnapshotAt = { index: 0, offset: this.follower.position.offset }
  }

  /**
   * Checks (one HEAD) that the replica still holds the current generation's newest snapshot. When it
   * does not (the bucket was emptied, deleted and recreated, or the folder wiped), nothing uploaded
   * to this generation can be restored any more: start a new generation, whose snapshot holds every
   * commit so far, and upload it. Returns false when it had to. Throws when storage fails.
   */
  async checkReplica(when: string): Promise<boolean> {
    const key = this.snapshotKey
    // No snapshot shipped yet: nothing of this generation is in the replica (the snapshot goes first).
    if (!this.follower || key === null) return true
    if (await this.holds(key)) return true
    const { store, logger } = this.options
    logger.warn(
      `${store.description} no longer holds snapshot ${key} (emptied or replaced?), checked ${when}: starting a new generation`,
    )
    await this.removeUnrestorable(this.follower.position.generation)
    await this.startGeneration(`the replica lost snapshot ${key}`)
    await this.shipper.flush(store)
    return false
  }

  /**
   * Before a durable acknowledgement, after the last upload: the snapshot that everything uploaded
   * rolls forward from is in the replica, so all of it can be restored now. A lost snapshot is
   * replaced by a new generation, which is checked in turn.
   */
  async ensureRestorable(): Promise<void> {
    if (await this.checkReplica('before a durable acknowledgement')) return
    const key = this.snapshotKey
    if (key === null || !(await this.holds(key)))
      throw new Error(`${this.options.store.description} does not keep snapshot ${key} it just accepted`)
  }

  /**
   * Deletes what is left of a generation that has no snapshot at all (WAL segments uploaded after
   * the loss, or left over from before it): nothing can restore them, and `litestream restore`
   * would pick that generation if its last upload ties with the new generation's first one.
   * A generation that still has an older snapshot is left alone: it can restore up to there.
   */
  private async removeUnrestorable(generation: string): Promise<void> {
    const { store, logger } = this.options
    const found = (await listReplica(store, generation)).generations[0]
    if (!found || found.snapshots.length > 0 || found.segments.length === 0) return
    try {
      await store.delete(found.segments.map((s) => s.key))
    } catch (error) {
      throw new Error(`delete the WAL segments of lost generation ${generation}`, { cause: error })
    }
    logger.info(
      `removed ${found.segments.length} WAL segments of generation ${generation}, which no snapshot can restore`,
    )
  }

  private async holds(key: string): Promise<boolean> {
    try {
      return (await this.options.store.head(key)) !== null
    } catch (error) {
      throw new Error(`check snapshot ${key}`, { cause: error })
    }
  }

  private async copy(): Promise<void> {
    if (!this.follower || this.shipper.pendingObjects > 0) return
    const result = this.follower.copy(this.options.maxSegmentBytes)
    if (result.kind === 'copied') this.queue(result.segments)
    else await this.startGeneration(result.reason)
  }

  private queue(segments: readonly Segment[]): void {
    for (const segment of segments) this.shipper.queueSegment(segment)
  }

  private async maybeCheckpoint(): Promise<void> {
    const follower = this.follower
    if (!follower || this.shipper.pendingObjects > 0) return
    const { index, offset, header } = follower.position
    if (this.lastCheckpoint.index === index && this.lastCheckpoint.offset === offset) return
    const walFileBytes = statSync(this.db.walPath, { throwIfNoEntry: false })?.size ?? 0
    const msSinceLast = Date.now() - this.lastCheckpoint.atMs
    const mode = chooseCheckpoint(
      header ? offset : 0,
      walFileBytes,
      this.db.pageSize,
      msSinceLast,
      this.options,
    )
    if (mode) await this.checkpoint(follower, mode)
  }

  /** Runs one checkpoint and queues what it copied; a lost WAL starts a new generation. */
  private async checkpoint(follower: WalFollower, mode: CheckpointMode): Promise<void> {
    const outcome = await runCheckpoint(this.db, follower, mode, this.options)
    this.queue(outcome.segments)
    if (outcome.kind === 'lost') {
      await this.shipper.flush(this.options.store)
      await this.startGeneration(`${outcome.reason} (${mode} checkpoint)`)
    } else if (outcome.kind === 'done') {
      this.lastCheckpoint = {
        atMs: Date.now(),
        index: follower.position.index,
        offset: follower.position.offset,
      }
    }
  }

  private async maybeSnapshot(force = false): Promise<void> {
    const interval = this.options.snapshotIntervalMs
    const due = force || (interval > 0 && Date.now() - this.lastSnapshotAtMs >= interval)
    const follower = this.follower
    if (!due || !follower || this.shipper.pendingObjects > 0) return
    if (!force && Date.now() < this.nextSnapshotAttemptAtMs) return
    // The interval counts from when a snapshot starts, so ticks of syncIntervalMs do not add to it.
    const startedAtMs = Date.now()
    const last = this.lastSnapshotAt
    if (
      !force &&
      last &&
      last.index === follower.position.index &&
      last.offset === follower.position.offset
    ) {
      this.lastSnapshotAtMs = startedAtMs // nothing committed since the last one: it still holds
      return
    }
    // A snapshot's key names its WAL index, and no key is written twice: restart the WAL first so
    // this snapshot opens an index of its own. Taken in place, it would replace the index's earlier
    // snapshot, and every point in time between the two could no longer be restored.
    const indexBefore = follower.position.index
    await this.checkpoint(follower, 'RESTART')
    if (this.follower !== follower) return // a new generation began, with its own snapshot
    await this.shipper.flush(this.options.store)
    if (follower.position.index === indexBefore) {
      this.nextSnapshotAttemptAtMs = Date.now() + SNAPSHOT_RETRY_DELAY_MS // readers kept the WAL
      return
    }
    const { generation, index } = follower.position
    const snapshot = await takeSnapshot(this.db, this.paths.snapshotScratch)
    this.shipper.queueSnapshot(generation, index, snapshot.body)
    await this.shipper.flush(this.options.store)
    this.lastSnapshotAtMs = startedAtMs
    this.lastSnapshotAt = { index, offset: follower.position.offset }
  }

  private async maybeRetention(): Promise<void> {
    const { retentionMs, retentionCheckIntervalMs, store } = this.options
    const generation = this.generation
    if (retentionMs === 0 || !generation || Date.now() - this.lastRetentionAtMs < retentionCheckIntervalMs)
      return
    let plan = await enforceRetention(store, generation, retentionMs, Date.now())
    if (plan.currentNeedsSnapshot) {
      await this.maybeSnapshot(true)
      plan = await enforceRetention(store, generation, retentionMs, Date.now())
    }
    this.lastRetentionAtMs = Date.now()
    if (plan.deleteKeys.length > 0)
      this.options.logger.info(`retention removed ${plan.deleteKeys.length} objects`)
  }

  private onShipped(object: QueuedObject): void {
    if (object.kind === 'snapshot') this.snapshotKey = object.key
    // A snapshot moves the position only when it opens a new generation.
    if (object.kind === 'wal' || object.shipped.generation !== this.shipped?.generation)
      this.shipped = object.shipped
  }
}
