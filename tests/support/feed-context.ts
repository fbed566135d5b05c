// An operation context over a fresh, empty database for the feed operations and CLI tests, and
// a checksum of every row, to prove a refresh wrote nothing.
import { createHash } from 'node:crypto'
import { PrismaBetterSQLite3 } from '@prisma/adapter-better-sqlite3'
import { onTestFinished } from 'vitest'
import type { Caller } from '../../lib/auth/caller'
import { openSqlite, type SqliteDatabase } from '../../lib/db/sqlite'
import { PrismaClient } from '../../lib/generated/prisma/client'
import type { OperationContext } from '../../lib/operations/context'
import { TEST_POLICY } from './app-database'
import { freshDatabasePath } from './database'

export const HOST: Caller = {
  id: 'host',
  name: 'Host',
  email: 'host@example.test',
  role: 'host',
  bannedAt: null,
}

export function emptyContext(caller: Caller | null = HOST): OperationContext & { databasePath: string } {
  const databasePath = freshDatabasePath()
  const sqlite = openSqlite(databasePath)
  const db = new PrismaClient({ adapter: new PrismaBetterSQLite3({ url: `file:${databasePath}` }) })
  onTestFinished(async () => {
    await db.$disconnect()
    sqlite.close()
  })
  sqlite
    .prepare(
      `INSERT INTO User (id, name, email, role, updatedAt) VALUES ('host', 'Host', 'host@example.test', 'host', CURRENT_TIMESTAMP)`,
    )
    .run()
  return { db, sqlite, policy: TEST_POLICY, caller, ip: '127.0.0.1', databasePath }
}

/** sha256 over every row of every table (ordered by rowid): equal checksums, equal data. */
export function databaseChecksum(db: SqliteDatabase): string {
  const tables = db
    .prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name`)
    .all() as { name: string }[]
  const hash = createHash('sha256')
  for (const { name } of tables) {
    const rows = db.prepare(`SELECT * FROM "${name}"`).raw().all()
    hash
      .update(name)
      .update(JSON.stringify(rows, (_key, value) => (Buffer.isBuffer(value) ? value.toString('hex') : value)))
  }
  return hash.digest('hex')
}

/** PRAGMA data_version as another connection sees it: it changes whenever any other connection commits. */
export function dataVersionWatcher(databasePath: string): () => number {
  const watcher = openSqlite(databasePath, { readonly: true })
  onTestFinished(() => {
    watcher.close()
  })
  return () => watcher.pragma('data_version', { simple: true }) as number
}
