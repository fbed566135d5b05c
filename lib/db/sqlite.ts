// Opening the SQLite file directly (better-sqlite3), for the parts Prisma does not cover:
// FTS5 queries, bulk import, and CLIs. Every connection gets the same pragmas.
import 'server-only'
import Database from 'better-sqlite3'

/** How long a writer waits for another connection's lock before giving up. */
export const BUSY_TIMEOUT_MS = 5_000

export type SqliteDatabase = Database.Database

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
