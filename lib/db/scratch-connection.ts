// Where TEMP scratch tables go (lib/search/scratch-index.ts marks a page of texts with a small
// FTS5 index, per connection). A SQLite file's own connection holds them, as before. A libSQL
// server refuses TEMP tables, and every statement there is a round trip, so on a server (or any
// handle that is not better-sqlite3) they live in an in-memory SQLite of this process, with the
// same FTS5 tokenizers: marking needs the texts and the expression, not the database.
import 'server-only'
import Database from 'better-sqlite3'
import type { SqliteDatabase } from '@/lib/db/sqlite'

const inMemory = new WeakMap<SqliteDatabase, SqliteDatabase>()

export function scratchConnection(db: SqliteDatabase): SqliteDatabase {
  if (db instanceof Database) return db
  let scratch = inMemory.get(db)
  if (!scratch) inMemory.set(db, (scratch = new Database(':memory:')))
  return scratch
}
