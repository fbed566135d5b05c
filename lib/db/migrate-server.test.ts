// Migrations on a real sqld (docs/decisions/0022): the shipped migration.sql files give the same
// schema as `prisma migrate deploy` gives a file, recorded in _prisma_migrations the same way (so
// a database moved between the engines is up to date on both), once, and all or nothing.
import { cpSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { freshDatabasePath } from '../../tests/support/database'
import { sqldForTest } from '../../tests/support/sqld'
import { openRemoteSqlite } from './libsql-remote'
import { migrateDatabase, pendingServerMigrations, shippedMigrations } from './migrate'
import type { SqliteDatabase } from './sqlite'

const cwd = process.cwd()

// libsql re-prints each statement it sends, so compare the schema without comments and spaces.
function schema(db: Pick<SqliteDatabase, 'prepare'>) {
  const rows = db
    .prepare(`SELECT type, name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' ORDER BY name`)
    .all() as { type: string; name: string; sql: string | null }[]
  return rows.map((row) => ({ ...row, sql: row.sql?.replace(/--[^\n]*/g, '').replace(/\s+/g, '') }))
}

function migrationRows(db: Pick<SqliteDatabase, 'prepare'>) {
  return db
    .prepare(
      `SELECT migration_name, checksum, applied_steps_count, logs, rolled_back_at, length(started_at) AS startedAtLength,
              finished_at IS NOT NULL AS finished FROM _prisma_migrations ORDER BY migration_name`,
    )
    .all()
}

describe('migrateDatabase on sqld', () => {
  it('gives the schema and the _prisma_migrations rows that prisma migrate deploy gives a file, once', async () => {
    const server = await sqldForTest()
    const engine = { kind: 'libsql' as const, url: server.url }
    expect(pendingServerMigrations(engine, cwd)).toEqual(shippedMigrations(cwd))
    migrateDatabase(engine)
    expect(pendingServerMigrations(engine, cwd)).toEqual([])
    migrateDatabase(server.url)
    const remote = openRemoteSqlite(server.url)
    const file = new Database(freshDatabasePath(), { readonly: true })
    try {
      expect(schema(remote)).toEqual(schema(file))
      expect(migrationRows(remote)).toEqual(migrationRows(file))
      expect(migrationRows(remote)).toHaveLength(shippedMigrations(cwd).length)
      // The TEMP scratch tables of 20261204100000_revision_changes were plain tables there, and dropped.
      expect(
        remote
          .prepare(`SELECT count(*) FROM sqlite_master WHERE name LIKE '\\_RevisionChange%' ESCAPE '\\'`)
          .pluck()
          .get(),
      ).toBe(0)
    } finally {
      remote.close()
      file.close()
    }
  })

  it('applies a failing migration not at all, and records nothing for it', async () => {
    const server = await sqldForTest()
    const project = mkdtempSync(join(tmpdir(), 'hearsay-migrations-'))
    cpSync(join(cwd, 'prisma', 'migrations'), join(project, 'prisma', 'migrations'), { recursive: true })
    const broken = join(project, 'prisma', 'migrations', '29991231000000_broken')
    mkdirSync(broken)
    writeFileSync(
      join(broken, 'migration.sql'),
      `CREATE TABLE "Half" ("id" INTEGER PRIMARY KEY);\nINSERT INTO "Show" ("slug", "title") VALUES ('half', 'T');\nINSERT INTO "NoSuchTable" VALUES (1);\n`,
    )
    expect(() => migrateDatabase(server.url, { cwd: project })).toThrow(
      /applying migration 29991231000000_broken to libSQL server .* failed \(nothing of it was applied\): no such table: NoSuchTable/,
    )
    const db = openRemoteSqlite(server.url)
    try {
      expect(db.prepare(`SELECT count(*) FROM sqlite_master WHERE name = 'Half'`).pluck().get()).toBe(0)
      expect(db.prepare(`SELECT count(*) FROM Show`).pluck().get()).toBe(0)
      expect(pendingServerMigrations({ kind: 'libsql', url: server.url }, project)).toEqual([
        '29991231000000_broken',
      ])
    } finally {
      db.close()
    }
  })
})
