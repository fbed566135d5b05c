// `npm run db:copy` both ways, with the real CLI: the demo database file into a fresh sqld
// primary (and from there into an embedded replica), and back from sqld into a new file.
// Rows, AUTOINCREMENT counters, both FTS5 indexes and the migration history arrive intact.
import { spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it, onTestFinished } from 'vitest'
import { EmbeddedReplica } from '@/lib/db/embedded-replica'
import { openRemoteSqlite } from '@/lib/db/libsql-remote'
import { migrateDatabase } from '@/lib/db/migrate'
import { openSqlite, type SqliteDatabase } from '@/lib/db/sqlite'
import { seedDemoData } from '@/lib/demo/seed-demo'
import { CLI_NODE_ARGS } from '@/scripts/lib/cli-node-args'
import { sqldForTest } from '@/tests/support/sqld'

function copy(from: string, to: string) {
  const result = spawnSync(
    process.execPath,
    [...CLI_NODE_ARGS, 'scripts/db-copy.ts', '--from', from, '--to', to],
    {
      encoding: 'utf8',
      env: { ...process.env, DATABASE_URL: from },
    },
  )
  return { code: result.status, out: `${result.stdout}${result.stderr}` }
}

// What must survive the trip: every table's rows, the counters, and what search reads.
function fingerprint(db: SqliteDatabase) {
  const tables = db
    .prepare(
      `SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%'
       AND sql NOT LIKE 'CREATE VIRTUAL TABLE%' AND name NOT LIKE '%Fts_%' AND name NOT LIKE 'SentenceWords_%'
       ORDER BY name`,
    )
    .pluck()
    .all() as string[]
  return {
    rows: Object.fromEntries(
      tables.map((name) => [name, Number(db.prepare(`SELECT count(*) FROM "${name}"`).pluck().get())]),
    ),
    sequences: db.prepare(`SELECT name, seq FROM sqlite_sequence ORDER BY name`).all(),
    migrations: db
      .prepare(`SELECT migration_name FROM _prisma_migrations ORDER BY migration_name`)
      .pluck()
      .all(),
    stemmed: Number(
      db.prepare(`SELECT count(*) FROM SentenceFts WHERE SentenceFts MATCH 'databases'`).pluck().get(),
    ),
    words: Number(
      db.prepare(`SELECT count(*) FROM SentenceWords WHERE SentenceWords MATCH 'sqlite'`).pluck().get(),
    ),
    vocabulary: Number(db.prepare(`SELECT count(*) FROM SentenceWordsVocab`).pluck().get()),
  }
}

describe('npm run db:copy', () => {
  it('moves the demo database into sqld, to its replicas, and back into a file', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'hearsay-copy-'))
    onTestFinished(() => rmSync(folder, { recursive: true, force: true }))
    const sourcePath = join(folder, 'source.db')
    migrateDatabase(`file:${sourcePath}`)
    const source = openSqlite(sourcePath)
    expect(seedDemoData(source)).toBeGreaterThan(0)
    const expected = fingerprint(source)
    source.close()
    expect(expected.stemmed).toBeGreaterThan(0)
    expect(expected.rows.Sentence).toBeGreaterThan(10)

    const sqld = await sqldForTest()
    const into = copy(`file:${sourcePath}`, sqld.url)
    expect(into.out).toContain('counts and FTS5 integrity checked')
    expect(into.code).toBe(0)
    const server = openRemoteSqlite(sqld.url)
    onTestFinished(() => void server.close())
    expect(fingerprint(server)).toEqual(expected)

    // Through the primary's log: a new embedded replica receives all of it.
    const replica = EmbeddedReplica.open({ primaryUrl: sqld.url, replicaPath: join(folder, 'replica.db') })
    onTestFinished(() => replica.close())
    expect(fingerprint(replica.reader() as unknown as SqliteDatabase)).toEqual(expected)

    // A second copy into the same server is refused: it is not empty any more.
    const again = copy(`file:${sourcePath}`, sqld.url)
    expect(again.code).toBe(1)
    expect(again.out).toMatch(/not empty/)

    const backPath = join(folder, 'back.db')
    const back = copy(sqld.url, `file:${backPath}`)
    expect(back.out).toContain('counts and FTS5 integrity checked')
    expect(back.code).toBe(0)
    const file = openSqlite(backPath)
    onTestFinished(() => void file.close())
    expect(fingerprint(file)).toEqual(expected)
    expect(file.pragma('integrity_check', { simple: true })).toBe('ok')
    expect(file.pragma('foreign_key_check')).toEqual([])
    // The migration history came along: deploying again finds nothing to do.
    expect(() => migrateDatabase(`file:${backPath}`)).not.toThrow()
    expect(fingerprint(file)).toEqual(expected)
  })
})
