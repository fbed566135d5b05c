// The raw SQL handle, for the parts Prisma does not cover: FTS5 queries, bulk import,
// structural sentence writes, and CLIs. `SqliteDatabase` is the part of better-sqlite3's API this
// app uses; a SQLite file opens through better-sqlite3 here (every connection with the same
// pragmas), a libSQL server through lib/db/libsql-remote.ts, and both satisfy the interface, so no
// feature module knows which engine it runs on (docs/decisions/0022).
import 'server-only'
import Database from 'better-sqlite3'

/** How long a writer waits for another connection's lock before giving up. */
export const BUSY_TIMEOUT_MS = 5_000

export interface SqliteRunResult {
  changes: number
  lastInsertRowid: number | bigint
}

/** A prepared statement: positional parameters, or one object of named ones (`@name`). */
export interface SqliteStatement<Params extends unknown[] = unknown[], Row = unknown> {
  run(...params: Params): SqliteRunResult
  /** The first row (an object; an array in raw mode; its first value when plucked), or undefined. */
  get(...params: Params): Row | undefined
  all(...params: Params): Row[]
  pluck(toggle?: boolean): this
  raw(toggle?: boolean): this
}

// The same shapes better-sqlite3 declares, so its Database satisfies the interface as it is.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type TransactionBody = (...args: any[]) => unknown
type ArgumentTypes<F extends TransactionBody> = F extends (...args: infer A) => unknown ? A : never

/** `db.transaction(fn)`: call it (BEGIN), or `.deferred()` / `.immediate()` / `.exclusive()`; nested calls are savepoints. */
export interface SqliteTransaction<F extends TransactionBody> {
  (...args: ArgumentTypes<F>): ReturnType<F>
  deferred(...args: ArgumentTypes<F>): ReturnType<F>
  immediate(...args: ArgumentTypes<F>): ReturnType<F>
  exclusive(...args: ArgumentTypes<F>): ReturnType<F>
}

export interface SqliteDatabase {
  /** The database file; on a server, a path in the local folder for what lives beside the database (lib/db/engine.ts). */
  readonly name: string
  readonly inTransaction: boolean
  readonly open: boolean
  prepare(sql: string): SqliteStatement
  /** Runs one or more statements without results. */
  exec(sql: string): unknown
  pragma(source: string, options?: { simple?: boolean }): unknown
  transaction<F extends TransactionBody>(fn: F): SqliteTransaction<F>
  close(): unknown
}

/** Whether `db` is a SQLite file's own connection (better-sqlite3), where waits for the lock are local. */
export function isSqliteFile(db: SqliteDatabase): boolean {
  return db instanceof Database
}

export function openSqlite(path: string, options: { readonly?: boolean } = {}): SqliteDatabase {
  const db = new Database(path, { readonly: options.readonly ?? false, fileMustExist: true })
  db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`)
  if (!options.readonly) db.pragma('journal_mode = WAL')
  // NORMAL is durable in WAL mode except for the last transactions before a power loss,
  // and the replica covers those; FULL would fsync on every commit.
  db.pragma('synchronous = NORMAL')
  db.pragma('foreign_keys = ON')
  return db
}
