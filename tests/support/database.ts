// A fresh, fully migrated database per test, on the engine the run tests (HEARSAY_TEST_ENGINE):
// - file (default): a copy of the template file that global setup migrated once;
// - sqld: a real sqld of its own (tests/support/sqld.ts), started from a copy of the template data
//   folder that global setup migrated once.
// No cleanup code in tests: the folder (and the server) go at the end of the test.
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { PrismaBetterSQLite3 } from '@prisma/adapter-better-sqlite3'
import { inject, onTestFinished } from 'vitest'
import type { DatabaseEngine } from '../../lib/db/engine'
import { libsqlPrismaAdapter } from '../../lib/db/libsql-prisma'
import { openRemoteSqlite } from '../../lib/db/libsql-remote'
import { openSqlite, type SqliteDatabase } from '../../lib/db/sqlite'
import { PrismaClient } from '../../lib/generated/prisma/client'
import { sqldForTest } from './sqld'

export type TestEngineKind = 'file' | 'sqld'

/** The engine this run tests: HEARSAY_TEST_ENGINE=sqld for the libSQL server, else the file. */
export const TEST_ENGINE: TestEngineKind = process.env.HEARSAY_TEST_ENGINE === 'sqld' ? 'sqld' : 'file'

export function freshDatabasePath(): string {
  const template = inject('templateDatabasePath')
  if (!template)
    throw new Error('no file template in a sqld run: skip this file-only test there (TEST_ENGINE)')
  const folder = mkdtempSync(join(tmpdir(), 'hearsay-test-'))
  const path = join(folder, 'test.db')
  copyFileSync(template, path)
  onTestFinished(() => rmSync(folder, { recursive: true, force: true }))
  return path
}

/** A raw connection to a fresh database file (the file engine, whatever the run tests). */
export function freshDatabase(): SqliteDatabase {
  const db = openSqlite(freshDatabasePath())
  onTestFinished(() => {
    db.close()
  })
  return db
}

export interface TestDatabase {
  engine: DatabaseEngine
  /** The database file, or on sqld a path in the test's own folder (media and secrets go beside it). */
  databasePath: string
  /** A new raw connection to this database, closed when the test ends. */
  connect(): SqliteDatabase
  /** A new Prisma client on this database, disconnected when the test ends. */
  prisma(): PrismaClient
}

/** A fresh database on the engine under test. */
export async function freshTestDatabase(): Promise<TestDatabase> {
  if (TEST_ENGINE === 'file') {
    const path = freshDatabasePath()
    return testDatabase({ kind: 'file', url: `file:${path}`, path }, path)
  }
  const folder = mkdtempSync(join(tmpdir(), 'hearsay-test-'))
  onTestFinished(() => rmSync(folder, { recursive: true, force: true }))
  const server = await sqldForTest({ copyFrom: inject('templateSqldDataDir') })
  return testDatabase({ kind: 'libsql', url: server.url }, join(folder, 'test.db'))
}

/** A raw connection to a fresh database on the engine under test. */
export async function freshConnection(): Promise<SqliteDatabase> {
  return (await freshTestDatabase()).connect()
}

function testDatabase(engine: DatabaseEngine, databasePath: string): TestDatabase {
  return {
    engine,
    databasePath,
    connect() {
      const db =
        engine.kind === 'file'
          ? openSqlite(engine.path)
          : openRemoteSqlite(engine.url, { name: databasePath })
      onTestFinished(() => {
        db.close()
      })
      return db
    },
    prisma() {
      const adapter =
        engine.kind === 'file' ? new PrismaBetterSQLite3({ url: engine.url }) : libsqlPrismaAdapter(engine)
      const db = new PrismaClient({ adapter })
      onTestFinished(() => db.$disconnect())
      return db
    },
  }
}
