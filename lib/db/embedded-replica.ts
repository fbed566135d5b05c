// This process's embedded replica of the sqld primary (LIBSQL_REPLICA_PATH): a local SQLite file
// that libsql keeps in step with the primary's write-ahead log, read through a plain read-only
// better-sqlite3 handle. docs/decisions/0023-embedded-replicas-and-consistency.md
//
// Two handles on one file, on purpose:
// - the syncer (libsql `new Database(file, { syncUrl })`) only pulls frames (`sync()`). Reading
//   through it is unsafe in libsql 0.5.29: its `.get()` never resets the local statement, which
//   pins the connection's snapshot, so later syncs stay invisible to it;
// - the reader (better-sqlite3, read-only) serves every read and sees each sync at once.
//
// Freshness: every SYNC_INTERVAL_MS an async probe asks the primary for its replication index
// (one small HTTP request, never blocking the event loop); only when the replica is behind does the
// loop call `sync()`, which is synchronous in libsql's API (a few ms on a LAN). After a write of
// this process commits on the primary, `syncAfterWrite()` pulls it at once (read-your-writes).
// While the primary cannot be reached, reads go on from the file and the probe backs off.
// No Next imports: the web server, the bench and the tests use it as it is.
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs'
import { dirname } from 'node:path'
import BetterSqlite3 from 'better-sqlite3'
import Libsql from 'libsql'
import type { DatabaseEngine } from '@/lib/db/engine'
import { isPrimaryUnavailable, PrimaryUnavailableError } from '@/lib/db/primary-unavailable'

/** The part of libsql's embedded replica used here (its bundled types are better-sqlite3's and omit sync). */
interface ReplicaSyncer {
  sync(): { frame_no?: number; frames_synced?: number }
  close(): void
}
const Syncer = Libsql as unknown as new (
  path: string,
  options: { syncUrl: string; authToken?: string; readYourWrites?: boolean },
) => ReplicaSyncer

import {
  DEFAULT_REPLICA_SYNC_INTERVAL_MS,
  MAX_PROBE_BACKOFF_MS,
  PRIMARY_PROBE_TIMEOUT_MS,
  PROBE_TIMEOUTS_BEFORE_UNREACHABLE,
} from '@/lib/db/replica-settings'

export interface ReplicaConfig {
  /** The primary as DATABASE_URL names it: libsql://, http:// or https://. */
  primaryUrl: string
  authToken?: string
  /** This process's replica file (replicaFileForProcess). */
  replicaPath: string
  syncIntervalMs?: number
}

export interface ReplicaStatus {
  path: string
  /** The primary's URL without credentials. */
  primary: string
  primaryReachable: boolean
  /** Frames (WAL pages) the replica holds, and the primary's count at the last probe. */
  replicaFrame: number | null
  primaryFrame: number | null
  lagFrames: number | null
  /** The replica held every commit the primary had at this moment (epoch ms). */
  freshAtMs: number | null
  /** now − freshAtMs: how old the newest commit this node may not have seen is, at most. */
  stalenessMs: number | null
  syncIntervalMs: number
  lastSyncDurationMs: number | null
  syncs: number
  lastError: string | null
}

/**
 * One file per process: web-cluster workers share LIBSQL_REPLICA_PATH and each gets a suffix
 * from its stable slot (`replica.db` → `replica-w0.db`), so no two processes sync into one file.
 */
export function replicaFileForProcess(replicaPath: string, workerSlot: string | undefined): string {
  if (workerSlot === undefined || workerSlot === '') return replicaPath
  const dot = replicaPath.lastIndexOf('.')
  const slash = replicaPath.lastIndexOf('/')
  if (dot <= slash + 1) return `${replicaPath}-w${workerSlot}`
  return `${replicaPath.slice(0, dot)}-w${workerSlot}${replicaPath.slice(dot)}`
}

/** The primary's HTTP base for probes: libsql:// means TLS unless ?tls=0, like the clients read it. */
export function primaryHttpBase(primaryUrl: string): string {
  const given = new URL(primaryUrl)
  // WHATWG URLs cannot switch a custom scheme (libsql:) to a special one: rebuild from the parts.
  const protocol =
    given.protocol === 'libsql:'
      ? given.searchParams.get('tls') === '0'
        ? 'http:'
        : 'https:'
      : given.protocol
  return `${protocol}//${given.host}${given.pathname.replace(/\/$/, '')}`
}

export class EmbeddedReplica {
  readonly path: string
  readonly primary: string
  readonly syncIntervalMs: number
  #config: ReplicaConfig
  #syncer: ReplicaSyncer | null = null
  #reader: BetterSqlite3.Database | null = null
  #timer: NodeJS.Timeout | null = null
  #closed = false
  #reachable = false
  #replicaFrame: number | null = null
  #primaryFrame: number | null = null
  #freshAtMs: number | null = null
  #lastSyncDurationMs: number | null = null
  #syncs = 0
  #lastError: string | null = null
  #failedProbes = 0

  private constructor(config: ReplicaConfig) {
    this.#config = config
    this.path = config.replicaPath
    this.primary = primaryHttpBase(config.primaryUrl)
    this.syncIntervalMs = config.syncIntervalMs ?? DEFAULT_REPLICA_SYNC_INTERVAL_MS
  }

  /**
   * Opens the replica: syncs it from the primary, or, when the primary cannot be reached and the
   * file is there from an earlier run, serves that file (stale) until the primary answers again.
   */
  static open(config: ReplicaConfig): EmbeddedReplica {
    const replica = new EmbeddedReplica(config)
    mkdirSync(dirname(replica.path), { recursive: true })
    takeLock(replica.path)
    try {
      if (!replica.#openSyncer() && !existsSync(replica.path)) {
        throw new PrimaryUnavailableError(replica.primary, replica.#lastError)
      }
      replica.#reader = new BetterSqlite3(replica.path, { readonly: true, fileMustExist: true })
    } catch (error) {
      releaseLock(replica.path)
      throw error
    }
    return replica
  }

  /** The read-only handle every read of this process goes through. */
  reader(): BetterSqlite3.Database {
    if (!this.#reader) throw new Error(`the replica ${this.path} is closed`)
    return this.#reader
  }

  get primaryReachable(): boolean {
    return this.#reachable
  }

  /** Starts the sync loop (its timer does not keep the process alive). */
  start(): this {
    if (!this.#timer && !this.#closed) this.#schedule(this.syncIntervalMs)
    return this
  }

  /**
   * After a write of this process committed on the primary: pull it before the next read, so the
   * writer reads its own write. False when the primary went away in between (the write stands;
   * this node shows it after the next successful sync).
   */
  syncAfterWrite(): boolean {
    return this.#syncNow()
  }

  /**
   * A request carries the frame its client's last write reached (lib/http/read-your-writes.ts):
   * pull up to it first, so a listener reads their own write on any node. False when the primary
   * cannot give it now (the read goes on, as stale as this replica is).
   */
  catchUpTo(frame: number): boolean {
    if (this.#replicaFrame !== null && this.#replicaFrame >= frame) return true
    if (!this.#reachable && this.#syncer) return false
    return this.#syncNow() && (this.#replicaFrame ?? 0) >= frame
  }

  /** The primary's frame this replica holds (after its last sync), or null before the first. */
  get frame(): number | null {
    return this.#replicaFrame
  }

  /** A write found the primary unreachable: stop syncing until a probe says it is back. */
  markUnreachable(error: unknown): void {
    if (this.#reachable)
      console.error(
        `database: the primary ${this.primary} cannot be reached (${describe(error)}); serving reads from ${this.path}`,
      )
    this.#reachable = false
    this.#lastError = describe(error)
  }

  status(now = Date.now()): ReplicaStatus {
    const lag =
      this.#primaryFrame !== null && this.#replicaFrame !== null
        ? Math.max(0, this.#primaryFrame - this.#replicaFrame)
        : null
    return {
      path: this.path,
      primary: this.primary,
      primaryReachable: this.#reachable,
      replicaFrame: this.#replicaFrame,
      primaryFrame: this.#primaryFrame,
      lagFrames: lag,
      freshAtMs: this.#freshAtMs,
      stalenessMs: this.#freshAtMs === null ? null : Math.max(0, now - this.#freshAtMs),
      syncIntervalMs: this.syncIntervalMs,
      lastSyncDurationMs: this.#lastSyncDurationMs,
      syncs: this.#syncs,
      lastError: this.#lastError,
    }
  }

  close(): void {
    if (this.#closed) return
    this.#closed = true
    if (this.#timer) clearTimeout(this.#timer)
    this.#reader?.close()
    this.#syncer?.close()
    this.#reader = null
    this.#syncer = null
    releaseLock(this.path)
  }

  #markReachable(): void {
    if (!this.#reachable && this.#lastError)
      console.error(`database: the primary ${this.primary} answers again`)
    this.#reachable = true
    this.#lastError = null
  }

  /** libsql syncs once while opening; that fails while the primary is down. */
  #openSyncer(): boolean {
    const startedAtMs = Date.now()
    try {
      this.#syncer = new Syncer(this.path, {
        syncUrl: this.#config.primaryUrl,
        authToken: this.#config.authToken,
        readYourWrites: true,
      })
    } catch (error) {
      this.markUnreachable(error)
      return false
    }
    return this.#syncNow(startedAtMs)
  }

  #syncNow(startedAtMs = Date.now()): boolean {
    if (this.#closed) return false
    if (!this.#syncer) return this.#openSyncer()
    try {
      const result = this.#syncer.sync()
      this.#replicaFrame = result.frame_no ?? 0
      if (this.#primaryFrame === null || this.#primaryFrame < this.#replicaFrame)
        this.#primaryFrame = this.#replicaFrame
      this.#freshAtMs = startedAtMs
      this.#lastSyncDurationMs = Date.now() - startedAtMs
      this.#syncs++
      this.#markReachable()
      return true
    } catch (error) {
      this.markUnreachable(error)
      return false
    }
  }

  #schedule(delayMs: number): void {
    if (this.#closed) return
    this.#timer = setTimeout(() => void this.#tick(), delayMs)
    this.#timer.unref()
  }

  async #tick(): Promise<void> {
    const startedAtMs = Date.now()
    try {
      const primaryFrame = await this.#probe()
      this.#failedProbes = 0
      this.#primaryFrame = primaryFrame
      if (!this.#syncer || this.#replicaFrame === null || primaryFrame > this.#replicaFrame) {
        this.#syncNow(startedAtMs)
      } else {
        // Nothing new on the primary since the replica's frame: fresh as of the probe.
        this.#freshAtMs = startedAtMs
        this.#markReachable()
      }
    } catch (error) {
      this.#failedProbes++
      // A refused connection is the primary gone. A probe that only ran out of time may have
      // waited on this process's own event loop (a synchronous write or sync in progress), so
      // it counts once it has happened PROBE_TIMEOUTS_BEFORE_UNREACHABLE times in a row.
      if (!isTimeout(error) || this.#failedProbes >= PROBE_TIMEOUTS_BEFORE_UNREACHABLE)
        this.markUnreachable(error)
    }
    const backoff = this.#reachable
      ? this.syncIntervalMs
      : Math.min(MAX_PROBE_BACKOFF_MS, this.syncIntervalMs * 2 ** Math.min(this.#failedProbes, 6))
    this.#schedule(backoff)
  }

  /** The primary's replication index (its newest frame), from one Hrana-over-HTTP request. */
  async #probe(): Promise<number> {
    const headers: Record<string, string> = { 'content-type': 'application/json' }
    if (this.#config.authToken) headers.authorization = `Bearer ${this.#config.authToken}`
    let response: Response
    try {
      response = await fetch(`${this.primary}/v2/pipeline`, {
        method: 'POST',
        headers,
        body: JSON.stringify({
          requests: [{ type: 'execute', stmt: { sql: 'SELECT 1' } }, { type: 'close' }],
        }),
        signal: AbortSignal.timeout(PRIMARY_PROBE_TIMEOUT_MS),
      })
    } catch (error) {
      throw new PrimaryUnavailableError(this.primary, error)
    }
    if (!response.ok) {
      const text = await response.text().catch(() => '')
      const problem = new Error(`HTTP ${response.status} ${text.slice(0, 200)}`)
      throw response.status >= 500 ? new PrimaryUnavailableError(this.primary, problem) : problem
    }
    const body = (await response.json()) as {
      results?: { type: string; response?: { result?: { replication_index?: string | null } } }[]
    }
    const index = body.results?.[0]?.response?.result?.replication_index
    return index ? Number(index) : 0
  }
}

export { isPrimaryUnavailable }

// The process's replica, where the web server (scripts/web-cluster.ts) finds it: that file and
// Next's bundle load this module as two copies, so the one instance is kept under a global symbol.
const PROCESS_REPLICA = Symbol.for('hearsay.embeddedReplica')
type WithReplica = typeof globalThis & { [PROCESS_REPLICA]?: EmbeddedReplica }

export function setProcessReplica(replica: EmbeddedReplica | null): void {
  if (replica) (globalThis as WithReplica)[PROCESS_REPLICA] = replica
  else delete (globalThis as WithReplica)[PROCESS_REPLICA]
}

/** This process's embedded replica, when LIBSQL_REPLICA_PATH gave it one and it has opened. */
export function processReplica(): EmbeddedReplica | null {
  return (globalThis as WithReplica)[PROCESS_REPLICA] ?? null
}

/**
 * The replica of a web process (`npm start`: scripts/web-cluster.ts gives each worker a slot),
 * opened and started once, or null: on a file, without LIBSQL_REPLICA_PATH, or in a CLI, which
 * writes to the primary directly and has no use for a local copy.
 */
export function webProcessReplica(
  engine: DatabaseEngine,
  settings: { LIBSQL_SYNC_INTERVAL_MS: number; HEARSAY_WORKER_SLOT?: string },
): EmbeddedReplica | null {
  if (engine.kind !== 'libsql' || !engine.replicaPath || settings.HEARSAY_WORKER_SLOT === undefined)
    return null
  const opened = processReplica()
  if (opened) return opened
  const replica = EmbeddedReplica.open({
    primaryUrl: engine.url,
    authToken: engine.authToken,
    replicaPath: replicaFileForProcess(engine.replicaPath, settings.HEARSAY_WORKER_SLOT),
    syncIntervalMs: settings.LIBSQL_SYNC_INTERVAL_MS,
  }).start()
  setProcessReplica(replica)
  return replica
}

// One process per replica file: a second syncer would inject the same frames again.
function takeLock(replicaPath: string): void {
  const lock = `${replicaPath}.lock`
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(lock, 'wx')
      writeSync(fd, String(process.pid))
      closeSync(fd)
      return
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error
      const holder = Number(readFileSync(lock, 'utf8').trim())
      if (holder && isAlive(holder))
        throw new Error(
          `the replica ${replicaPath} is in use by process ${holder}: give each process its own LIBSQL_REPLICA_PATH`,
        )
      rmSync(lock, { force: true })
    }
  }
  throw new Error(`could not lock the replica ${replicaPath}`)
}

function releaseLock(replicaPath: string): void {
  const lock = `${replicaPath}.lock`
  try {
    if (Number(readFileSync(lock, 'utf8').trim()) === process.pid) rmSync(lock, { force: true })
  } catch {
    // already gone
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}

function isTimeout(error: unknown): boolean {
  // fetch() aborts with a DOMException (TimeoutError), thrown as it is or as the cause of ours.
  return [error, (error as { cause?: unknown } | null)?.cause].some((each) => {
    const name = (each as { name?: unknown } | null)?.name
    return name === 'TimeoutError' || name === 'AbortError'
  })
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}
