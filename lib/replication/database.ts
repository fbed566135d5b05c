// The replicator's own connections to the database, and the SQLite locks it takes through them:
// - `readers` (two, read-only): one holds a read transaction between syncs, so no other connection
//   can restart or truncate the WAL before we copy it. Moving the read lock forward begins a read
//   on the other before ending the first, so there is never an instant without one. Being
//   read-only, closing them last never checkpoints and deletes the WAL, which would break the
//   generation on the next start.
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
  private readonly readers: [Database.Database, Database.Database]
  /** Which of `readers` holds (or next takes) the read lock. */
  private current = 0
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
    const openReader = () => new Database(path, { fileMustExist: true, readonly: true })
    this.readers = [openReader(), openReader()]
    this.pageSize = Number(this.readers[0].pragma('page_size', { simple: true }))
  }

  private get reader(): Database.Database {
    return this.readers[this.current]!
  }

  /** Starts the long-running read transaction (the "read lock"). */
  beginRead(): void {
    if (this.reading) return
    startReadTransaction(this.reader)
    this.reading = true
  }

  endRead(): void {
    if (!this.reading) return
    this.reader.exec('ROLLBACK')
    this.reading = false
  }

  /**
   * Moves the read lock to the newest commit: the other reader begins before this one ends, so the
   * WAL stays protected throughout. A checkpoint can then backfill up to the new read mark.
   */
  moveReadLock(): void {
    if (!this.reading) return this.beginRead()
    const previous = this.reader
    this.current = 1 - this.current
    startReadTransaction(this.reader)
    previous.exec('ROLLBACK')
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

  /**
   * Runs `PRAGMA wal_checkpoint(PASSIVE)`: it backfills up to the oldest read mark, ours included
   * while we hold the read lock. Writers carry on meanwhile.
   */
  checkpointPassive(): CheckpointResult {
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

  /** Closes every connection, the read-only ones last so the WAL file is kept. */
  close(): void {
    this.unlockWrites()
    this.endRead()
    this.checkpointer.close()
    this.writer.close()
    for (const reader of this.readers) reader.close()
  }
}

function startReadTransaction(connection: Database.Database): void {
  connection.exec('BEGIN')
  connection.prepare('SELECT count(*) FROM sqlite_master').get()
}
