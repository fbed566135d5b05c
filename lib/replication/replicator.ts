// The Replicator: runs sync steps (sync.ts) on the schedule of sync-loop.ts, retries with backoff
// while storage fails, publishes its status for other processes, and stops with a final sync.
//
// A durable acknowledgement means "restorable from the replica now", so the durable instant moves
// only after a sync that someone waits for has uploaded everything *and then* found the
// generation's snapshot still in the replica (SyncEngine.ensureRestorable). The same check runs
// before uploading on the first sync after a failed one (the storage may come back empty) and
// every replicaCheckIntervalMs; a lost snapshot starts a new generation.
import { type FSWatcher, mkdirSync, statSync, watch } from 'node:fs'
import { DatabaseHandle } from './database'
import { type DurableResult, DurableWaiters, monotonicNowUs } from './durable'
import { consoleLogger, describeError } from './log'
import { type ReplicatorOptions, type ResolvedOptions, resolveOptions } from './options'
import { formatPosition } from './position'
import { type ReplicationStatus, writeStatusFile } from './status'
import { acquireReplicatorLock, type StatePaths, statePaths } from './state-dir'
import { SyncEngine } from './sync'
import { SyncLoop } from './sync-loop'
import { setTimeout as sleep } from 'node:timers/promises'

export interface Replicator {
  /** Starts syncing in the background (at least every syncIntervalMs); returns at once. */
  start(): Promise<void>
  /**
   * Stops the loop, runs a final sync (retrying up to stopTimeoutMs), closes everything. Resolves
   * true when that final sync succeeded: everything committed is in the replica.
   */
  stop(): Promise<boolean>
  /** One sync step; rejects when it fails (what was not uploaded is kept for the next one). */
  syncOnce(): Promise<void>
  status(): ReplicationStatus
  /**
   * Resolves once everything committed before `committedBeforeUs` (default: now) is uploaded and
   * the replica was found to hold the snapshot it rolls forward from, after those uploads.
   */
  waitUntilDurable(options?: { committedBeforeUs?: number; timeoutMs?: number }): Promise<DurableResult>
}

export function createReplicator(options: ReplicatorOptions): Replicator {
  return new ReplicatorImpl(resolveOptions(options, consoleLogger))
}

type State = ReplicationStatus['state']

class ReplicatorImpl implements Replicator {
  private readonly paths: StatePaths
  private readonly loop: SyncLoop
  private db: DatabaseHandle | null = null
  private engine: SyncEngine | null = null
  private releaseLock: (() => void) | null = null
  private state: State = 'starting'
  private lastError: { message: string; atMs: number } | null = null
  private lastSyncAtMs: number | null = null
  /** The start of the last sync that left nothing queued: everything committed before is uploaded. */
  private uploadedThrough: { monotonicUs: number; wallMs: number } | null = null
  /** Uploaded through this instant and found restorable afterwards: what acknowledgements rely on. */
  private durableThroughUs: number | null = null
  /** When the latest request for a durable acknowledgement was noticed (monotonicNowUs). */
  private ackRequestedAtUs: number | null = null
  /** The sync-request file's mtime as last seen, to notice requests even without the watcher. */
  private syncRequestSeenMtimeMs: number | undefined = undefined
  /** The first sync after a failed one checks the replica before uploading anything. */
  private checkReplicaFirst = false
  private lastReplicaCheckAtMs = Date.now()
  private chain: Promise<unknown> = Promise.resolve()
  private running = false
  private stopped = false
  private requestWatcher: FSWatcher | null = null
  private readonly durableWaiters = new DurableWaiters()

  constructor(private readonly options: ResolvedOptions) {
    this.paths = statePaths(options.databasePath)
    this.loop = new SyncLoop({ ...options, walPath: `${options.databasePath}-wal` }, () => this.syncCounted())
  }

  async start(): Promise<void> {
    if (this.running || this.stopped) return
    this.running = true
    mkdirSync(this.paths.directory, { recursive: true })
    try {
      this.requestWatcher = watch(this.paths.directory, (_event, filename) => {
        if (filename === 'sync-request') {
          this.ackRequestedAtUs = monotonicNowUs()
          this.loop.request()
        }
      })
      this.requestWatcher.on('error', () => this.requestWatcher?.close())
    } catch {
      // Without the watcher, other processes' durable waits just take up to syncIntervalMs
      // (each sync looks at the sync-request file's mtime).
    }
    this.loop.start()
  }

  async stop(): Promise<boolean> {
    if (this.stopped) return false
    this.stopped = true
    this.running = false
    this.requestWatcher?.close()
    await this.loop.stop()
    const synced = this.db ? await this.finalSync() : false
    this.db?.close()
    this.db = null
    this.state = 'stopped'
    this.publish()
    this.engine = null
    this.releaseLock?.()
    this.releaseLock = null
    this.options.store.close()
    return synced
  }

  syncOnce(): Promise<void> {
    return this.syncCounted().then(() => undefined)
  }

  status(): ReplicationStatus {
    const shipper = this.engine?.shipper
    return {
      state: this.state,
      databasePath: this.options.databasePath,
      replica: this.options.store.description,
      generation: this.engine?.generation ?? null,
      position: this.engine?.shipped ?? null,
      lastSyncAtMs: this.lastSyncAtMs,
      replicationLagMs: this.uploadedThrough ? Math.max(0, Date.now() - this.uploadedThrough.wallMs) : null,
      uploadedBytes: shipper?.uploadedBytes ?? 0,
      uploadedObjects: shipper?.uploadedObjects ?? 0,
      pendingObjects: shipper?.pendingObjects ?? 0,
      lastError: this.lastError?.message ?? null,
      lastErrorAtMs: this.lastError?.atMs ?? null,
    }
  }

  async waitUntilDurable(
    options: { committedBeforeUs?: number; timeoutMs?: number } = {},
  ): Promise<DurableResult> {
    if (!this.running) return { durable: false, reason: 'not-running', waitedMs: 0 }
    this.ackRequestedAtUs = monotonicNowUs()
    this.loop.request()
    return this.durableWaiters.wait(options.committedBeforeUs ?? monotonicNowUs(), options.timeoutMs)
  }

  /**
   * One sync, serialized with any other; resolves true when it uploaded something. `final`: the
   * sync stop() makes, which checks the replica as an acknowledgement would.
   */
  private syncCounted(final = false): Promise<boolean> {
    const run = this.chain.then(() => this.sync(final))
    this.chain = run.catch(() => undefined)
    return run
  }

  /** A request from another process (it touched the sync-request file) that the watcher missed. */
  private noticeSyncRequestFile(): void {
    let mtimeMs: number | undefined
    try {
      mtimeMs = statSync(this.paths.syncRequestFile, { throwIfNoEntry: false })?.mtimeMs
    } catch {
      return
    }
    if (mtimeMs === undefined || mtimeMs === this.syncRequestSeenMtimeMs) return
    this.syncRequestSeenMtimeMs = mtimeMs
    this.ackRequestedAtUs = monotonicNowUs()
  }

  private async sync(final: boolean): Promise<boolean> {
    this.noticeSyncRequestFile()
    const startedUs = monotonicNowUs()
    const startedWallMs = Date.now()
    // Someone waits for an acknowledgement this sync can give: a request noticed before it started
    // (so the waiter had committed by then) that no earlier acknowledgement covered.
    const requested = this.ackRequestedAtUs
    const forAck =
      final || (requested !== null && requested <= startedUs && requested > (this.durableThroughUs ?? -1))
    const interval = this.options.replicaCheckIntervalMs
    const checkFirst =
      this.checkReplicaFirst || (interval > 0 && startedWallMs - this.lastReplicaCheckAtMs >= interval)
    try {
      this.open()
      const engine = this.engine!
      const uploadedBefore = engine.shipper.uploadedObjects
      await engine.step({ checkReplicaFirst: checkFirst })
      if (checkFirst) {
        this.checkReplicaFirst = false
        this.lastReplicaCheckAtMs = Date.now()
      }
      this.lastSyncAtMs = Date.now()
      if (engine.shipper.pendingObjects === 0) {
        // The step read the WAL after startedUs: every transaction committed before then is uploaded.
        this.uploadedThrough = { monotonicUs: startedUs, wallMs: startedWallMs }
        if (forAck) {
          // Checked after the uploads, so what they extend was restorable after they landed. A lost
          // snapshot was replaced by a new generation's, taken after startedUs: it holds them too.
          await engine.ensureRestorable()
          this.lastReplicaCheckAtMs = Date.now()
          this.durableThroughUs = startedUs
          this.durableWaiters.reached(startedUs)
        }
      }
      this.lastError = null
      if (this.state !== 'replicating') {
        const where = engine.shipped ? ` at ${formatPosition(engine.shipped)}` : ''
        const what = this.state === 'retrying' ? 'storage reachable again, caught up' : 'replicating'
        this.options.logger.info(
          `${what} ${this.options.databasePath} to ${this.options.store.description}${where}`,
        )
        this.state = 'replicating'
      }
      return engine.shipper.uploadedObjects > uploadedBefore
    } catch (error) {
      this.checkReplicaFirst = true
      this.lastError = { message: describeError(error), atMs: Date.now() }
      if (this.state !== 'retrying') {
        const queued = this.engine?.shipper.pendingBytes ?? 0
        this.options.logger.warn(
          `sync failed (${this.lastError.message}); keeping the WAL (${queued} bytes queued) and retrying with backoff`,
        )
        this.state = 'retrying'
      }
      throw error
    } finally {
      this.publish()
    }
  }

  private async finalSync(): Promise<boolean> {
    const deadline = Date.now() + this.options.stopTimeoutMs
    for (let delayMs = 100; ; delayMs = Math.min(delayMs * 2, 2_000)) {
      if (
        await this.syncCounted(true).then(
          () => true,
          () => false,
        )
      )
        return true
      if (Date.now() + delayMs > deadline) break
      await sleep(delayMs)
    }
    const queued = this.engine?.shipper.pendingBytes ?? 0
    this.options.logger.error(
      this.engine?.generation
        ? `final sync failed, ${queued} queued bytes and any newer WAL not uploaded: ${this.lastError?.message}`
        : `final sync failed: nothing has reached the replica yet (${this.lastError?.message})`,
    )
    return false
  }

  private open(): void {
    if (this.db) return
    this.releaseLock ??= acquireReplicatorLock(this.paths)
    const db = new DatabaseHandle(this.options.databasePath)
    db.beginRead()
    this.db = db
    this.engine = new SyncEngine(db, this.paths, this.options)
  }

  private publish(): void {
    try {
      writeStatusFile(this.paths, {
        ...this.status(),
        pid: process.pid,
        updatedAtMs: Date.now(),
        durableThroughMonotonicUs: this.state === 'stopped' ? null : this.durableThroughUs,
      })
    } catch (error) {
      this.options.logger.warn(`could not publish status: ${describeError(error)}`)
    }
  }
}
