// Bringing a database up to date: apply the pending Prisma migrations. Used by `npm start`, the
// CLIs and the test suites, so every path migrates the same way.
//
// A file: create its folder, then `prisma migrate deploy`, as below. A libSQL server (sqld,
// docs/decisions/0022): the shipped migration.sql files are applied here, each in one
// transaction (all or nothing: one Hrana batch, BEGIN … COMMIT, that stops at the first error),
// and recorded in _prisma_migrations exactly as Prisma records them (same table, sha256 of the
// file as checksum, same timestamp text), so a database dumped from one engine and loaded into the
// other is up to date on both. sqld refuses TEMP tables, so a migration's TEMP scratch tables are
// plain tables there, inside the same transaction (the migration drops them itself).
//
// `prisma migrate deploy` takes the database's write lock and gives up with a timeout
// ("WASM_ERROR: unknown variant SocketTimeout") while a busy server holds it, so every CLI
// run beside a live site failed. A database that already has every migration is therefore
// checked with one plain read (WAL readers never wait for writers) and left alone; Prisma runs
// only when something is pending: on first start and after an upgrade.
import { execFileSync } from 'node:child_process'
import { createHash, randomUUID } from 'node:crypto'
import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join, resolve } from 'node:path'
import Database from 'better-sqlite3'
import { prismaDateTime } from './datetime'
import { databaseEngine, describeEngine, type DatabaseEngine } from './engine'
import { openRemoteSqlite } from './libsql-remote'
import type { SqliteDatabase } from './sqlite'

const require = createRequire(import.meta.url)

/** The migrations this checkout ships: the folders of prisma/migrations holding a migration.sql. */
export function shippedMigrations(cwd: string): string[] {
  const folder = join(cwd, 'prisma', 'migrations')
  return readdirSync(folder, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(join(folder, entry.name, 'migration.sql')))
    .map((entry) => entry.name)
    .sort()
}

/** The shipped migrations the database file has not applied (all of them for a new file). */
export function pendingMigrations(path: string, cwd: string): string[] {
  const shipped = shippedMigrations(cwd)
  if (!existsSync(path)) return shipped
  const db = new Database(path, { readonly: true, fileMustExist: true, timeout: 5_000 })
  try {
    const table = db
      .prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = '_prisma_migrations'`)
      .get()
    if (!table) return shipped
    const applied = new Set(
      (
        db
          .prepare(
            `SELECT migration_name AS name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`,
          )
          .all() as { name: string }[]
      ).map((row) => row.name),
    )
    return shipped.filter((name) => !applied.has(name))
  } finally {
    db.close()
  }
}

/**
 * Applies every pending migration (a file: with `prisma migrate deploy`, creating the file when
 * missing; a server: here); does nothing, without taking any lock, when none is pending.
 * `database` is DATABASE_URL (a file, or a server without a token) or an engine from lib/db/engine.ts.
 */
export function migrateDatabase(database: string | DatabaseEngine, options: { cwd?: string } = {}): void {
  const cwd = options.cwd ?? process.cwd()
  const engine = typeof database === 'string' ? databaseEngine({ DATABASE_URL: database }) : database
  if (engine.kind === 'libsql') return migrateServer(engine, cwd)
  const path = resolve(cwd, engine.path)
  if (pendingMigrations(path, cwd).length === 0) return
  // The adapter refuses to create a file in a folder that does not exist.
  mkdirSync(dirname(path), { recursive: true })
  const prismaCli = require.resolve('prisma/build/index.js')
  try {
    execFileSync(process.execPath, [prismaCli, 'migrate', 'deploy'], {
      cwd,
      env: { ...process.env, DATABASE_URL: `file:${path}`, PRISMA_HIDE_UPDATE_MESSAGE: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
  } catch (error) {
    const output = error as { stdout?: Buffer; stderr?: Buffer }
    const details = `${output.stdout?.toString() ?? ''}${output.stderr?.toString() ?? ''}`.trim()
    throw new Error(`applying migrations to ${path} failed:\n${details}`, { cause: error })
  }
}

// Prisma's own definition (schema engine, SQLite), so either tool finds the table it expects.
const MIGRATIONS_TABLE = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id"                    TEXT PRIMARY KEY NOT NULL,
    "checksum"              TEXT NOT NULL,
    "finished_at"           DATETIME,
    "migration_name"        TEXT NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        DATETIME,
    "started_at"            DATETIME NOT NULL DEFAULT current_timestamp,
    "applied_steps_count"   INTEGER UNSIGNED NOT NULL DEFAULT 0
)`

/** The migrations a server database has applied (none before the first). */
function appliedOnServer(db: SqliteDatabase): Set<string> {
  const rows = db
    .prepare(
      `SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`,
    )
    .pluck()
    .all() as string[]
  return new Set(rows)
}

/** The shipped migrations the server database has not applied. */
export function pendingServerMigrations(engine: DatabaseEngine & { kind: 'libsql' }, cwd: string): string[] {
  const db = openRemoteSqlite(engine.url, { authToken: engine.authToken })
  try {
    db.exec(MIGRATIONS_TABLE)
    const applied = appliedOnServer(db)
    return shippedMigrations(cwd).filter((name) => !applied.has(name))
  } finally {
    db.close()
  }
}

function migrateServer(engine: DatabaseEngine & { kind: 'libsql' }, cwd: string): void {
  const db = openRemoteSqlite(engine.url, { authToken: engine.authToken })
  try {
    db.exec(MIGRATIONS_TABLE)
    const applied = appliedOnServer(db)
    for (const name of shippedMigrations(cwd)) {
      if (applied.has(name)) continue
      const script = readFileSync(join(cwd, 'prisma', 'migrations', name, 'migration.sql'))
      try {
        db.exec(serverBatch(name, script))
      } catch (error) {
        // Another node starting beside this one may have applied it first: then all is well.
        if (appliedOnServer(db).has(name)) continue
        throw new Error(
          `applying migration ${name} to ${describeEngine(engine)} failed (nothing of it was applied): ${(error as Error).message}`,
          { cause: error },
        )
      }
    }
  } finally {
    db.close()
  }
}

/**
 * One migration as one batch: BEGIN IMMEDIATE, the script, its _prisma_migrations row, COMMIT.
 * libsql sends it as one Hrana batch whose steps each run only if the one before succeeded, and
 * closes the stream at the end, so a failure leaves the transaction open and sqld rolls it back.
 */
function serverBatch(name: string, script: Buffer): string {
  const checksum = createHash('sha256').update(script).digest('hex')
  const startedAt = prismaDateTime(Date.now())
  let sql = script.toString('utf8').replace(/\bCREATE\s+TEMP(ORARY)?\s+TABLE\b/gi, 'CREATE TABLE')
  // Prisma's table rebuilds switch foreign keys off, which SQLite ignores inside a transaction:
  // switch them off for this connection before BEGIN, or DROP TABLE would cascade deletes.
  const foreignKeysOff = /PRAGMA\s+foreign_keys\s*=\s*(OFF|0|false)/i.test(sql)
  sql = sql.replace(/^\s*PRAGMA\s+(defer_foreign_keys|foreign_keys)\s*=\s*\w+\s*;/gim, '')
  const row = [randomUUID(), checksum, prismaDateTime(Date.now()), name].map(quoted)
  return [
    foreignKeysOff ? 'PRAGMA foreign_keys = OFF;' : '',
    'BEGIN IMMEDIATE;',
    sql.trimEnd().replace(/;?$/, ';'),
    `INSERT INTO "_prisma_migrations" ("id", "checksum", "finished_at", "migration_name", "logs", "rolled_back_at", "started_at", "applied_steps_count")`,
    `  VALUES (${row.join(', ')}, NULL, NULL, ${quoted(startedAt)}, 1);`,
    'COMMIT;',
  ].join('\n')
}

function quoted(text: string): string {
  return `'${text.replaceAll("'", "''")}'`
}
