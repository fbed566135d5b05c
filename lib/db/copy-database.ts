// Copies a whole Hearsay database from one engine to another, through each engine's ordinary SQL
// path: a SQLite file into a fresh sqld primary (moving to a server), or a sqld database into a
// new file (moving back). docs/scaling.md, `npm run db:copy`.
//
// Why not drop the file into sqld's data folder: sqld serves such a file, but its replication
// log does not hold it, so embedded replicas would follow a database they never received (checked
// against sqld 0.24.32: a replica of a dropped-in file says "no such table"). Writing every row
// through the primary puts it in the log.
//
// Order: tables (FTS5 virtual tables create their shadow tables), rows of the ordinary tables
// (no triggers exist yet, so nothing is written twice), AUTOINCREMENT counters, then indexes,
// views and triggers, then each external-content FTS5 index rebuilt from its table. Last, the
// row counts of both sides are compared and FTS5 checks its own integrity.
import type { SqliteDatabase } from '@/lib/db/sqlite'

/** Bound parameters per INSERT: well under SQLite's limit, and a request sqld takes at once. */
const PARAMETERS_PER_INSERT = 2_000
/** Rows read from the source per query (sqld caps one response at 10 MB by default). */
const ROWS_PER_READ = 2_000
/** INSERT statements per transaction on the target. */
const INSERTS_PER_TRANSACTION = 25

export interface CopyReport {
  tables: { name: string; rows: number }[]
  ftsRebuilt: string[]
  durationMs: number
}

interface SchemaEntry {
  type: 'table' | 'index' | 'view' | 'trigger'
  name: string
  sql: string
}

const FTS5_SHADOW_SUFFIXES = ['_data', '_idx', '_content', '_docsize', '_config']

export function copyDatabase(
  source: SqliteDatabase,
  target: SqliteDatabase,
  log: (line: string) => void = () => {},
): CopyReport {
  const startedAt = Date.now()
  const schema = source
    .prepare(`SELECT type, name, sql FROM sqlite_schema WHERE sql IS NOT NULL ORDER BY rowid`)
    .all() as SchemaEntry[]
  refuseNonEmptyTarget(target)

  const virtual = schema.filter((entry) => entry.type === 'table' && /^CREATE VIRTUAL TABLE/i.test(entry.sql))
  const fts5 = virtual.filter((entry) => /USING\s+fts5\s*\(/i.test(entry.sql))
  const isShadow = (name: string) =>
    fts5.some((table) => FTS5_SHADOW_SUFFIXES.some((suffix) => name === `${table.name}${suffix}`))
  const internal = (name: string) => name.startsWith('sqlite_')
  const tables = schema.filter(
    (entry) => entry.type === 'table' && !internal(entry.name) && !isShadow(entry.name),
  )
  const ordinary = tables.filter((entry) => !virtual.includes(entry))

  // Tables come in creation order, which a rebuilt table (Prisma's RedefineTables) breaks for
  // foreign keys: they are checked once, at the end, instead of row by row.
  setForeignKeys(target, false)
  for (const table of tables) target.exec(table.sql)
  log(`schema: ${tables.length} tables`)

  const report: CopyReport = { tables: [], ftsRebuilt: [], durationMs: 0 }
  for (const table of ordinary) {
    const rows = copyRows(source, target, table)
    report.tables.push({ name: table.name, rows })
    log(`${table.name}: ${rows} rows`)
  }
  copySequences(source, target, schema)

  for (const entry of schema) {
    if (entry.type !== 'table' && !internal(entry.name)) target.exec(entry.sql)
  }
  for (const table of fts5) {
    if (/content\s*=\s*'[^']+'/i.test(table.sql)) {
      target.exec(`INSERT INTO ${quote(table.name)}(${quote(table.name)}) VALUES('rebuild')`)
      report.ftsRebuilt.push(table.name)
    } else {
      copyContentfulFts(source, target, table.name)
    }
    target.exec(`INSERT INTO ${quote(table.name)}(${quote(table.name)}) VALUES('integrity-check')`)
  }
  if (report.ftsRebuilt.length) log(`FTS5 rebuilt: ${report.ftsRebuilt.join(', ')}`)

  for (const { name, rows } of report.tables) {
    const copied = Number(
      target
        .prepare(`SELECT count(*) FROM ${quote(name)}`)
        .pluck()
        .get(),
    )
    if (copied !== rows)
      throw new Error(`copy check: ${name} has ${rows} rows in the source but ${copied} in the target`)
  }
  const broken = target.prepare(`SELECT count(*) FROM pragma_foreign_key_check`).pluck().get()
  if (Number(broken) > 0) throw new Error(`copy check: ${broken} rows break a foreign key in the target`)
  setForeignKeys(target, true)
  report.durationMs = Date.now() - startedAt
  return report
}

function setForeignKeys(db: SqliteDatabase, on: boolean): void {
  try {
    db.pragma(`foreign_keys = ${on ? 'ON' : 'OFF'}`)
  } catch {
    // A server decides this per connection itself (sqld: off unless asked for).
  }
}

function refuseNonEmptyTarget(target: SqliteDatabase): void {
  const existing = target
    .prepare(`SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' LIMIT 3`)
    .pluck()
    .all() as string[]
  if (existing.length > 0)
    throw new Error(
      `the target database is not empty (it has ${existing.join(', ')}…): copy into a new file or a fresh sqld database`,
    )
}

function copyRows(source: SqliteDatabase, target: SqliteDatabase, table: SchemaEntry): number {
  const columns = (
    source.prepare(`SELECT name FROM pragma_table_info(?)`).pluck().all(table.name) as string[]
  ).map(quote)
  const withoutRowid = /\)\s*WITHOUT\s+ROWID\s*;?\s*$/i.test(table.sql)
  const rowsPerInsert = Math.max(1, Math.floor(PARAMETERS_PER_INSERT / columns.length))
  const insertSql = (rows: number) =>
    `INSERT INTO ${quote(table.name)} (${columns.join(', ')}) VALUES ` +
    Array.from({ length: rows }, () => `(${columns.map(() => '?').join(', ')})`).join(', ')
  const fullInsert = target.prepare(insertSql(rowsPerInsert))

  let copied = 0
  const pending: unknown[][] = []
  const flush = (all: boolean) => {
    const batches: unknown[][][] = []
    while (pending.length >= rowsPerInsert || (all && pending.length > 0))
      batches.push(pending.splice(0, rowsPerInsert))
    for (let at = 0; at < batches.length; at += INSERTS_PER_TRANSACTION) {
      target.transaction(() => {
        for (const batch of batches.slice(at, at + INSERTS_PER_TRANSACTION)) {
          const insert = batch.length === rowsPerInsert ? fullInsert : target.prepare(insertSql(batch.length))
          insert.run(...batch.flat())
          copied += batch.length
        }
      })()
    }
  }

  const select = `SELECT ${columns.join(', ')} FROM ${quote(table.name)}`
  if (withoutRowid) {
    for (const row of source.prepare(select).raw().all() as unknown[][]) pending.push(row)
    flush(true)
    return copied
  }
  // Paged by rowid, so a server answers each read within its response limit.
  const page = source
    .prepare(
      `SELECT rowid, ${columns.join(', ')} FROM ${quote(table.name)} WHERE rowid > ? ORDER BY rowid LIMIT ${ROWS_PER_READ}`,
    )
    .raw()
  let after: unknown = Number.MIN_SAFE_INTEGER
  for (;;) {
    const rows = page.all(after) as unknown[][]
    if (rows.length === 0) break
    for (const [rowid, ...values] of rows) {
      pending.push(values)
      after = rowid
    }
    flush(false)
  }
  flush(true)
  return copied
}

function copySequences(source: SqliteDatabase, target: SqliteDatabase, schema: SchemaEntry[]): void {
  if (!schema.some((entry) => entry.name === 'sqlite_sequence')) return
  const sequences = source.prepare(`SELECT name, seq FROM sqlite_sequence`).raw().all() as [string, number][]
  const exists = target
    .prepare(`SELECT count(*) FROM sqlite_schema WHERE name = 'sqlite_sequence'`)
    .pluck()
    .get()
  if (!Number(exists)) return
  target.transaction(() => {
    target.prepare(`DELETE FROM sqlite_sequence`).run()
    const insert = target.prepare(`INSERT INTO sqlite_sequence (name, seq) VALUES (?, ?)`)
    for (const [name, seq] of sequences) insert.run(name, seq)
  })()
}

function copyContentfulFts(source: SqliteDatabase, target: SqliteDatabase, name: string): void {
  const columns = (source.prepare(`SELECT name FROM pragma_table_info(?)`).pluck().all(name) as string[]).map(
    quote,
  )
  const rows = source
    .prepare(`SELECT rowid, ${columns.join(', ')} FROM ${quote(name)}`)
    .raw()
    .all() as unknown[][]
  const insert = target.prepare(
    `INSERT INTO ${quote(name)} (rowid, ${columns.join(', ')}) VALUES (?, ${columns.map(() => '?').join(', ')})`,
  )
  target.transaction(() => {
    for (const row of rows) insert.run(...row)
  })()
}

function quote(identifier: string): string {
  return `"${identifier.replaceAll('"', '""')}"`
}
