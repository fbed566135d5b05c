// The upgrade to hosts per show (prisma/migrations/20261204110000_show_hosts): every host of the
// old global role keeps access to every show that exists, listeners and admins get no grant, and
// the grants read back through Prisma like any it writes.
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { PrismaBetterSQLite3 } from '@prisma/adapter-better-sqlite3'
import Database from 'better-sqlite3'
import { describe, expect, it, onTestFinished } from 'vitest'
import { PrismaClient } from '../lib/generated/prisma/client'
import { freshDatabasePath, TEST_ENGINE } from './support/database'

const MIGRATIONS = join(process.cwd(), 'prisma', 'migrations')
const SHOW_HOSTS = '20261204110000_show_hosts'

function migrationSql(name: string): string {
  return readFileSync(join(MIGRATIONS, name, 'migration.sql'), 'utf8')
}

/** A database as it was before the upgrade: every earlier migration applied, by hand. */
function databaseBeforeShowHosts(): { path: string; db: Database.Database } {
  const path = `${freshDatabasePath()}-before`
  const db = new Database(path)
  onTestFinished(() => {
    db.close()
  })
  const earlier = readdirSync(MIGRATIONS)
    .filter((name) => /^\d{14}_/.test(name) && name < SHOW_HOSTS)
    .sort()
  for (const name of earlier) db.exec(migrationSql(name))
  return { path, db }
}

// File only: it rebuilds a pre-upgrade database by hand on a file and replays one migration's
// data transform there; the same SQL runs on sqld through lib/db/migrate.ts (lib/db/migrate-server.test.ts).
describe.skipIf(TEST_ENGINE === 'sqld')('the show hosts migration', () => {
  it('grants every existing host every existing show, and nobody else anything', async () => {
    const { path, db } = databaseBeforeShowHosts()
    const user = db.prepare(
      `INSERT INTO User (id, name, email, role, updatedAt) VALUES (?, ?, ?, ?, CURRENT_TIMESTAMP)`,
    )
    user.run('h1', 'Host One', 'h1@example.test', 'host')
    user.run('h2', 'Host Two', 'h2@example.test', 'host')
    user.run('l1', 'Listener', 'l1@example.test', 'listener')
    user.run('a1', 'Admin', 'a1@example.test', 'admin')
    const show = db.prepare(`INSERT INTO Show (slug, title) VALUES (?, ?)`)
    const first = Number(show.run('first', 'First').lastInsertRowid)
    const second = Number(show.run('second', 'Second').lastInsertRowid)

    db.exec(migrationSql(SHOW_HOSTS))

    const grants = db.prepare(`SELECT userId, showId, grantedBy FROM ShowHost ORDER BY userId, showId`).all()
    expect(grants).toEqual([
      { userId: 'h1', showId: first, grantedBy: 'migration' },
      { userId: 'h1', showId: second, grantedBy: 'migration' },
      { userId: 'h2', showId: first, grantedBy: 'migration' },
      { userId: 'h2', showId: second, grantedBy: 'migration' },
    ])
    // The grant time is in Prisma's DateTime format, so the app reads it as a date.
    const prisma = new PrismaClient({ adapter: new PrismaBetterSQLite3({ url: `file:${path}` }) })
    onTestFinished(() => prisma.$disconnect())
    const read = await prisma.showHost.findFirstOrThrow({ where: { userId: 'h1', showId: first } })
    expect(read.grantedAt).toBeInstanceOf(Date)
    expect(Number.isNaN(read.grantedAt.getTime())).toBe(false)
    // A user or show that goes takes its grants with it.
    db.pragma('foreign_keys = ON')
    db.prepare(`DELETE FROM Show WHERE id = ?`).run(second)
    db.prepare(`DELETE FROM User WHERE id = ?`).run('h2')
    expect(db.prepare(`SELECT userId, showId FROM ShowHost`).all()).toEqual([{ userId: 'h1', showId: first }])
  })
})
