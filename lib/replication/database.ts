// The replicator's own connections to the database, and the SQLite locks it takes through them:
// - `reader` (read-only) holds a read transaction between syncs, so no other connection can
//   restart or truncate the WAL before we copy it. Being read-only, closing it last never
//   checkpoints and deletes the WAL, which would break the generation on the next start.
// - `writer` takes the write lock (BEGIN IMMEDIATE, never writes) while we checkpoint.
// - `checkpointer` runs the checkpoints, and converts the database to WAL mode at open.
import { existsSync } from 'node:fs'
import Database from 'better-sqlite3'

/** PASSIVE copies what it can; RESTART also waits for readers and restarts the WAL; TRUNCATE also shrinks the file. */
export type CheckpointMode = 'PASSIVE' | 'RESTART' | 'TRUNCATE'

export interface CheckpointResult {
  /** 1 when the checkpoint could not finish (readers or writers in the way). */
  readonly busy: number
  /** Frames in the WAL when it ran. */
  readonly log: number
  /** Frames copied into the database file. */
  readonly checkpointed: number
}

export class DatabaseHandle {
  readonly walPath: string
  readonly pageSize: number
  private readonly reader: Database.Database
  private readonly writer: Database.Database
  private readonly checkpointer: Database.Database
  private reading = false
  private writeLocked = false

  constructor(readonly path: string) {
    if (!existsSync(path)) throw new Error(`database ${path} does not exist`)
    this.walPath = `${path}-wal`
    this.checkpointer = new Database(path, { fileMustExist: true })
    const mode = this.checkpointer.pragma('journal_mode = WAL', { simple: true })
    if (mode !== 'wal')
      throw new Error(`database ${path} could not be switched to WAL mode (journal_mode=${String(mode)})`)
    this.checkpointer.pragma('wal_autocheckpoint = 0')
    this.writer = new Database(path, { fileMustExist: true })
    this.writer.pragma('wal_autocheckpoint = 0')
    this.writer.pragma('synchronous = NORMAL')
    this.reader = new Database(path, { fileMustExist: true, readonly: true })
    this.pageSize = Number(this.reader.pragma('page_size', { simple: true }))
  }

  /** Starts the long-running read transaction (the "read lock"). */
  beginRead(): void {
    if (this.reading) return
    this.reader.exec('BEGIN')
    this.reader.prepare('SELECT count(*) FROM sqlite_master').get()
    this.reading = true
  }

  endRead(): void {
    if (!this.reading) return
    this.reader.exec('ROLLBACK')
    this.reading = false
  }

  /** Takes the write lock, waiting up to `timeoutMs`; false when another writer held it throughout. */
  tryLockWrites(timeoutMs: number): boolean {
    this.writer.pragma(`busy_timeout = ${Math.max(0, Math.floor(timeoutMs))}`)
    try {
      this.writer.exec('BEGIN IMMEDIATE')
      this.writeLocked = true
      return true
    } catch (error) {
      if ((error as { code?: string }).code?.startsWith('SQLITE_BUSY')) return false
      throw new Error('take the write lock', { cause: error })
    }
  }

  unlockWrites(): void {
    if (!this.writeLocked) return
    this.writer.exec('ROLLBACK')
    this.writeLocked = false
  }

  /** Runs `PRAGMA wal_checkpoint(PASSIVE)`; the read lock must be released first. */
  checkpointPassive(): CheckpointResult {
    if (this.reading) throw new Error('checkpoint while holding the read lock')
    const row = this.checkpointer.pragma('wal_checkpoint(PASSIVE)') as CheckpointResult[]
    const result = row[0]
    if (!result) throw new Error('wal_checkpoint(PASSIVE) returned no row')
    return result
  }

  /**
   * Commits a transaction that changes nothing (`PRAGMA user_version` set to its own value), which
   * still appends one frame. After a complete checkpoint this restarts the WAL; with `truncate`
   * SQLite also shrinks the -wal file (journal_size_limit = 0). False when the lock was busy.
   */
  writeNoOpFrame(truncate: boolean, timeoutMs: number): boolean {
    if (!this.tryLockWrites(timeoutMs)) return false
    try {
      this.writer.pragma(`journal_size_limit = ${truncate ? 0 : -1}`)
      const version = Number(this.writer.pragma('user_version', { simple: true }))
      this.writer.pragma(`user_version = ${version}`)
      this.writer.exec('COMMIT')
      this.writeLocked = false
      return true
    } finally {
      this.unlockWrites()
    }
  }

  /** Copies the database as the read transaction sees it (consistent; must be reading). */
  async backupTo(destinationPath: string): Promise<void> {
    if (!this.reading) throw new Error('backup without the read lock')
    await this.reader.backup(destinationPath, { progress: () => 4096 })
  }

  /** Closes every connection, the read-only one last so the WAL file is kept. */
  close(): void {
    this.unlockWrites()
    this.endRead()
    this.checkpointer.close()
    this.writer.close()
    this.reader.close()
  }
}
