// npm run db:copy -- --from <DATABASE_URL> --to <DATABASE_URL>
// Moves a Hearsay database between engines (docs/scaling.md): a SQLite file into a fresh sqld
// primary, or a sqld database into a new file. The target must be empty (a new file, or a sqld
// started on an empty data folder); every row goes through the target's ordinary write path, so
// a sqld primary logs it and its replicas receive it. DATABASE_AUTH_TOKEN is sent to whichever
// side is a server. Stop the writers (npm start, the feed refresher) first: rows written to the
// source during the copy are not carried over.
import { existsSync, mkdirSync, writeFileSync } from 'node:fs'
import { dirname } from 'node:path'
import { parseArgs } from 'node:util'
import { copyDatabase } from '@/lib/db/copy-database'
import { databaseEngine, describeEngine, type DatabaseEngine } from '@/lib/db/engine'
import { openRemoteSqlite } from '@/lib/db/libsql-remote'
import { openSqlite, type SqliteDatabase } from '@/lib/db/sqlite'

const USAGE =
  'usage: npm run db:copy -- --from <file:… | http(s)://… | libsql://…> --to <file:… | http(s)://… | libsql://…>'

function open(engine: DatabaseEngine, role: 'source' | 'target'): SqliteDatabase {
  if (engine.kind === 'libsql') return openRemoteSqlite(engine.url, { authToken: engine.authToken })
  if (role === 'source' && !existsSync(engine.path)) throw new Error(`no database file at ${engine.path}`)
  if (role === 'target') {
    if (existsSync(engine.path)) throw new Error(`${engine.path} exists: copy into a new file`)
    // An empty file is an empty SQLite database; openSqlite() wants the file to exist.
    mkdirSync(dirname(engine.path), { recursive: true })
    writeFileSync(engine.path, '', { flag: 'wx' })
  }
  return openSqlite(engine.path, { readonly: role === 'source' })
}

function main(argv: string[]): number {
  const { values } = parseArgs({
    args: argv,
    options: { from: { type: 'string' }, to: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
  })
  if (values.help || !values.from || !values.to) {
    console.error(USAGE)
    return values.help ? 0 : 2
  }
  const token = process.env.DATABASE_AUTH_TOKEN
  const from = databaseEngine({ DATABASE_URL: values.from, DATABASE_AUTH_TOKEN: token })
  const to = databaseEngine({ DATABASE_URL: values.to, DATABASE_AUTH_TOKEN: token })
  const source = open(from, 'source')
  try {
    const target = open(to, 'target')
    try {
      console.log(`copying ${describeEngine(from)} → ${describeEngine(to)}`)
      const report = copyDatabase(source, target, (line) => console.log(`  ${line}`))
      const rows = report.tables.reduce((sum, table) => sum + table.rows, 0)
      console.log(
        `copied ${report.tables.length} tables, ${rows} rows in ${(report.durationMs / 1000).toFixed(1)} s; counts and FTS5 integrity checked`,
      )
      return 0
    } finally {
      target.close()
    }
  } finally {
    source.close()
  }
}

try {
  process.exitCode = main(process.argv.slice(2))
} catch (error) {
  console.error(`db:copy: ${error instanceof Error ? error.message : String(error)}`)
  process.exitCode = 1
}
