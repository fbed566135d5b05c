// Migrating beside a live site: an up-to-date database is left alone without taking a lock, so
// every CLI (import, feed, user) runs while the server writes (issue 13: `prisma migrate deploy`
// failed with SocketTimeout whenever a connection held the write lock).
import { join } from 'node:path'
import { tmpdir } from 'node:os'
import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { migrateDatabase, pendingMigrations, shippedMigrations } from './migrate'
import { freshDatabasePath } from '../../tests/support/database'

const cwd = process.cwd()

describe('migrateDatabase', () => {
  it('lists every shipped migration as pending for a new file, and none for a migrated one', () => {
    const shipped = shippedMigrations(cwd)
    expect(shipped.length).toBeGreaterThan(4)
    expect(pendingMigrations(join(tmpdir(), 'hearsay-no-such-file.db'), cwd)).toEqual(shipped)
    expect(pendingMigrations(freshDatabasePath(), cwd)).toEqual([])
  })

  it('names a migration the database has not applied', () => {
    const path = freshDatabasePath()
    const last = shippedMigrations(cwd).at(-1)!
    const db = new Database(path)
    db.prepare(`DELETE FROM _prisma_migrations WHERE migration_name = ?`).run(last)
    db.close()
    expect(pendingMigrations(path, cwd)).toEqual([last])
  })

  it('returns at once for an up-to-date database while another connection holds the write lock', () => {
    const path = freshDatabasePath()
    const writer = new Database(path)
    writer.pragma('journal_mode = WAL')
    writer.exec('BEGIN IMMEDIATE')
    writer.prepare(`UPDATE Show SET title = title WHERE 0`).run()
    try {
      expect(() => migrateDatabase(`file:${path}`, { cwd })).not.toThrow()
    } finally {
      writer.exec('ROLLBACK')
      writer.close()
    }
  })
})
