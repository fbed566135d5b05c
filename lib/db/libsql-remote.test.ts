// The raw handle on a real sqld behaves like better-sqlite3 where the app relies on it
// (lib/db/libsql-remote.ts lists what libsql gets wrong remotely).
import { describe, expect, it } from 'vitest'
import { sqldForTest } from '../../tests/support/sqld'
import { numberedParameters, openRemoteSqlite } from './libsql-remote'

async function remote() {
  const server = await sqldForTest()
  const db = openRemoteSqlite(server.url, { name: '/srv/hearsay/data/hearsay.db' })
  db.exec(`CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT UNIQUE NOT NULL, n INTEGER, b BLOB);
           CREATE TABLE child (id INTEGER PRIMARY KEY, tId INTEGER NOT NULL REFERENCES t (id))`)
  return db
}

describe('numberedParameters', () => {
  it('numbers names in order of first appearance, skipping literals, quoted names and comments', () => {
    expect(
      numberedParameters(
        `UPDATE "a@b" SET x = @x, y = ':no' /* @c */ -- $d\n WHERE id = @id AND x IS NOT @x`,
      ),
    ).toEqual({
      sql: `UPDATE "a@b" SET x = ?1, y = ':no' /* @c */ -- $d\n WHERE id = ?2 AND x IS NOT ?1`,
      names: ['@x', '@id'],
    })
    expect(numberedParameters(`SELECT ? FROM t WHERE v = 'it''s @here'`)).toEqual({
      sql: `SELECT ? FROM t WHERE v = 'it''s @here'`,
      names: [],
    })
  })
})

describe('openRemoteSqlite', () => {
  it('binds named and positional parameters, integers as INTEGER, buffers as BLOB, and refuses booleans', async () => {
    const db = await remote()
    const insert = db.prepare('INSERT INTO t (v, n, b) VALUES (@v, @n, @b)')
    expect(insert.run({ v: 'a', n: 1, b: Buffer.from([1, 2]) })).toEqual({ changes: 1, lastInsertRowid: 1 })
    expect(db.prepare('SELECT typeof(n) AS type, v, b FROM t WHERE id = ?').get(1)).toEqual({
      type: 'integer',
      v: 'a',
      b: Buffer.from([1, 2]),
    })
    expect(db.prepare('SELECT ? + 0.5 AS x').pluck().get(1)).toBe(1.5)
    expect(() => db.prepare('SELECT ?').get(true)).toThrow(TypeError)
    expect(() => insert.run({ v: 'b' })).toThrow('Missing named parameter "n"')
    db.close()
  })

  it('reads rows without libsql metadata, plucked, raw, and all', async () => {
    const db = await remote()
    db.exec(`INSERT INTO t (v, n) VALUES ('a', 1), ('b', 2)`)
    expect(db.prepare('SELECT v, n FROM t ORDER BY id').get()).toEqual({ v: 'a', n: 1 })
    expect(db.prepare('SELECT v, n FROM t ORDER BY id').raw().get()).toEqual(['a', 1])
    expect(db.prepare('SELECT v FROM t ORDER BY id').pluck().all()).toEqual(['a', 'b'])
    expect(db.prepare('SELECT v, n FROM t ORDER BY id').all()).toEqual([
      { v: 'a', n: 1 },
      { v: 'b', n: 2 },
    ])
    expect(db.prepare('SELECT v FROM t WHERE id = 99').get()).toBeUndefined()
    expect(db.name).toBe('/srv/hearsay/data/hearsay.db')
    db.close()
  })

  it('keeps a statement prepared outside a transaction inside it, with savepoints for nested ones', async () => {
    const db = await remote()
    const insert = db.prepare('INSERT INTO t (v) VALUES (?)')
    const count = db.prepare('SELECT count(*) FROM t').pluck()
    expect(() =>
      db
        .transaction(() => {
          insert.run('a')
          expect(count.get()).toBe(1)
          throw new Error('changed my mind')
        })
        .immediate(),
    ).toThrow('changed my mind')
    expect(count.get()).toBe(0)
    db.transaction(() => {
      insert.run('b')
      expect(() => db.transaction(() => insert.run('b'))()).toThrow(/UNIQUE/)
      db.transaction(() => insert.run('c'))()
    }).immediate()
    expect(db.prepare('SELECT v FROM t ORDER BY v').pluck().all()).toEqual(['b', 'c'])
    expect(db.inTransaction).toBe(false)
    db.close()
  })

  it("throws better-sqlite3's error codes with the server's message", async () => {
    const db = await remote()
    db.prepare(`INSERT INTO t (v) VALUES ('a')`).run()
    const failure = (sql: string) => {
      try {
        db.prepare(sql).run()
      } catch (error) {
        return { code: (error as { code: string }).code, message: (error as Error).message }
      }
      throw new Error(`${sql} did not fail`)
    }
    expect(failure(`INSERT INTO t (v) VALUES ('a')`)).toEqual({
      code: 'SQLITE_CONSTRAINT_UNIQUE',
      message: 'UNIQUE constraint failed: t.v',
    })
    expect(failure(`INSERT INTO t (v) VALUES (NULL)`)).toMatchObject({ code: 'SQLITE_CONSTRAINT_NOTNULL' })
    expect(failure(`INSERT INTO child (tId) VALUES (99)`)).toMatchObject({
      code: 'SQLITE_CONSTRAINT_FOREIGNKEY',
    })
    expect(() => db.prepare('SELECT * FROM missing')).toThrow(/no such table: missing/)
    db.close()
  })

  it('skips the pragmas that only set up a local connection, and asks the server the rest', async () => {
    const db = await remote()
    expect(db.pragma('busy_timeout = 50')).toEqual([])
    expect(db.pragma('busy_timeout', { simple: true })).toBe(50)
    expect(db.pragma('journal_mode = WAL')).toEqual([])
    expect(db.pragma('foreign_keys = ON')).toEqual([])
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1)
    expect(db.pragma('table_info(t)')).toEqual(
      expect.arrayContaining([expect.objectContaining({ name: 'v' })]),
    )
    db.close()
  })

  // sqld expires a Hrana stream after 10 s without a request, and libsql then fails every
  // statement with STREAM_EXPIRED: a web process idle overnight must still answer.
  it('goes on after its stream expired on the server', async () => {
    const db = await remote()
    expect(db.prepare('SELECT count(*) FROM t').pluck().get()).toBe(0) // leaves the stream open
    await new Promise((resolve) => setTimeout(resolve, 12_000))
    expect(db.prepare(`INSERT INTO t (v) VALUES ('after')`).run().changes).toBe(1)
    expect(db.prepare('SELECT v FROM t').pluck().all()).toEqual(['after'])
    db.close()
  }, 30_000)
})
