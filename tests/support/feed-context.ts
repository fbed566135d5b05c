// An operation context over a fresh, empty database for the feed operations and CLI tests, and
// a checksum of every row, to prove a refresh wrote nothing.
import { createHash } from 'node:crypto'
import type { Caller } from '../../lib/auth/caller'
import type { SqliteDatabase } from '../../lib/db/sqlite'
import type { OperationContext } from '../../lib/operations/context'
import { TEST_POLICY } from './app-database'
import { freshTestDatabase, type TestDatabase } from './database'

export const HOST: Caller = {
  id: 'host',
  name: 'Host',
  email: 'host@example.test',
  role: 'host',
  bannedAt: null,
}

export type TestContext = OperationContext & { database: TestDatabase }

/** On the engine under test (tests/support/database.ts). */
export async function emptyContext(caller: Caller | null = HOST): Promise<TestContext> {
  const database = await freshTestDatabase()
  const sqlite = database.connect()
  const db = database.prisma()
  sqlite
    .prepare(
      `INSERT INTO User (id, name, email, role, updatedAt) VALUES ('host', 'Host', 'host@example.test', 'host', CURRENT_TIMESTAMP)`,
    )
    .run()
  return { db, sqlite, policy: TEST_POLICY, caller, ip: '127.0.0.1', database }
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

/**
 * PRAGMA data_version as another connection sees it: it changes whenever any other connection
 * commits. On sqld every statement outside a transaction may run on a new server connection, so
 * there it proves nothing; databaseChecksum does.
 */
export function dataVersionWatcher(ctx: TestContext): () => number {
  const watcher = ctx.database.connect()
  return () => watcher.pragma('data_version', { simple: true }) as number
}
