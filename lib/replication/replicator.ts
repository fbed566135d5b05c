// The Replicator: runs sync steps (sync.ts) on the schedule of sync-loop.ts, retries with backoff
// while storage fails, publishes its status for other processes, and stops with a final sync.
import { type FSWatcher, mkdirSync, watch } from 'node:fs'
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
  /** Resolves once everything committed before `committedBeforeUs` (default: now) is uploaded. */
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
  private durableThrough: { monotonicUs: number; wallMs: number } | null = null
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
        if (filename === 'sync-request') this.loop.request()
      })
      this.requestWatcher.on('error', () => this.requestWatcher?.close())
    } catch {
      // Without the watcher, other processes' durable waits just take up to syncIntervalMs.
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
      replicationLagMs: this.durableThrough ? Math.max(0, Date.now() - this.durableThrough.wallMs) : null,
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
    this.loop.request()
    return this.durableWaiters.wait(options.committedBeforeUs ?? monotonicNowUs(), options.timeoutMs)
  }

  /** One sync, serialized with any other; resolves true when it uploaded something. */
  private syncCounted(): Promise<boolean> {
    const run = this.chain.then(() => this.sync())
    this.chain = run.catch(() => undefined)
    return run
  }

  private async sync(): Promise<boolean> {
    const startedUs = monotonicNowUs()
    const startedWallMs = Date.now()
    try {
      this.open()
      const engine = this.engine!
      const uploadedBefore = engine.shipper.uploadedObjects
      await engine.step()
      this.lastSyncAtMs = Date.now()
      if (engine.shipper.pendingObjects === 0) {
        // The step read the WAL after startedUs: every transaction committed before then is uploaded.
        this.durableThrough = { monotonicUs: startedUs, wallMs: startedWallMs }
        this.durableWaiters.reached(startedUs)
      }
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
        await this.syncOnce().then(
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
        durableThroughMonotonicUs:
          this.state === 'stopped' ? null : (this.durableThrough?.monotonicUs ?? null),
      })
    } catch (error) {
      this.options.logger.warn(`could not publish status: ${describeError(error)}`)
    }
  }
}
