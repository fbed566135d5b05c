// Bringing a database file up to date: create its folder, apply pending Prisma migrations.
// Used by `npm start`, the CLIs and the test suites, so every path migrates the same way.
//
// `prisma migrate deploy` takes the database's write lock and gives up with a timeout
// ("WASM_ERROR: unknown variant SocketTimeout") while a busy server holds it, so every CLI
// run beside a live site failed. A database that already has every migration is therefore
// checked with one plain read (WAL readers never wait for writers) and left alone; Prisma runs
// only when something is pending: on first start and after an upgrade.
import { execFileSync } from 'node:child_process'
import { existsSync, mkdirSync, readdirSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join, resolve } from 'node:path'
import Database from 'better-sqlite3'
import { databasePath } from './url'

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
 * Applies every pending migration with `prisma migrate deploy` (creates the file when missing);
 * does nothing, without taking any lock, when none is pending.
 */
export function migrateDatabase(databaseUrl: string, options: { cwd?: string } = {}): void {
  const cwd = options.cwd ?? process.cwd()
  const path = resolve(cwd, databasePath(databaseUrl))
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
