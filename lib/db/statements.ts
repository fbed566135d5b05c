// Prepared statements cached per connection: the structural writes run the same few
// statements for every sentence of an import, and preparing is the costly part.
import 'server-only'
import type { SqliteDatabase, SqliteStatement } from '@/lib/db/sqlite'

const prepared = new WeakMap<SqliteDatabase, Map<string, SqliteStatement>>()

export function statement(db: SqliteDatabase, sql: string): SqliteStatement {
  let cache = prepared.get(db)
  if (!cache) prepared.set(db, (cache = new Map()))
  let found = cache.get(sql)
  if (!found) cache.set(sql, (found = db.prepare(sql)))
  return found
}
